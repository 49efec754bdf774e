import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { parseCsv } from '../../../src/gates/parsers/gitleaks.js'
import { ownFixture, parseError, parseOwn, severityCounts } from './helpers.js'

const HEADER = 'RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags'
const ROW = 'aws-access-token,abc123,app/.env,,AKIAFAKE,AKIAFAKE,3,3,1,20,A,msg,2026-01-01T00:00:00Z,a@example.com,abc123:app/.env:aws-access-token:3,'

describe('gitleaks JSON', () => {
  it('v8: one finding per leak, secretSeverity (default critical), no secret in the output', () => {
    // By reading the file: 2 array elements.
    const report = parseOwn('gitleaks/v8-two-leaks.json')
    expect(report).toMatchObject({ tool: 'gitleaks', format: 'gitleaks-json' })
    expect(severityCounts(report.findings)).toEqual({ critical: 2 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'github-pat',
      title: 'GitHub Personal Access Token',
      path: 'scripts/release.sh',
      line: 7,
      column: 15,
      kind: 'secret',
      helpUri: 'https://github.com/example/shop/blob/9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e/scripts/release.sh#L7',
      properties: {
        commit: '9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e',
        gitleaksFingerprint: '9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e:scripts/release.sh:github-pat:7'
      }
    })
    expect(JSON.stringify(report.findings)).not.toContain('ghp_FAKE')
    expect(report.findings[1]?.helpUri).toMatch(/^https:\/\/github\.com\/gitleaks\/gitleaks/)
  })

  it('secretSeverity is configurable', () => {
    expect(severityCounts(parseOwn('gitleaks/v8-two-leaks.json', { secretSeverity: 'medium' }).findings)).toEqual({ medium: 2 })
  })

  it('the fingerprint ignores the line: a leak that moved keeps it', () => {
    const moved = ownFixture('gitleaks/v8-two-leaks.json').replaceAll('"StartLine": 7', '"StartLine": 70')
    const a = parseOwn('gitleaks/v8-two-leaks.json').findings[0]
    const b = parseReport(moved, 'moved.json').findings[0]
    expect(b?.line).toBe(70)
    expect(b?.fingerprint).toBe(a?.fingerprint)
  })

  it('v7: lower-case keys, rule display name as the rule id', () => {
    const report = parseOwn('gitleaks/v7-one-leak.json')
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({ ruleId: 'AWS Access Key', path: 'config/settings.py', line: 2, severity: 'critical' })
    expect(JSON.stringify(report.findings)).not.toContain('AKIAFAKE')
  })

  it('clean: [] and null', () => {
    expect(parseOwn('gitleaks/v8-clean.json')).toMatchObject({ tool: 'gitleaks', findings: [] })
    expect(parseOwn('gitleaks/v7-clean-null.json')).toMatchObject({ tool: 'gitleaks', findings: [] })
  })

  it('fails closed on leaks without rule or file', () => {
    expect(parseError('[{"RuleID": "x", "StartLine": 1}]')).toMatch(/\[0\]\.File is missing/)
    expect(parseError('[{"RuleID": 5, "File": "a"}]')).toMatch(/\[0\]\.RuleID is a number/)
    expect(parseError('[{"RuleID": "x", "File": "a"}, {"foo": 1}]', 'r.json', { format: 'gitleaks-json' })).toMatch(/\[1\] is not a gitleaks leak/)
  })
})

describe('gitleaks CSV', () => {
  it('quoted fields with commas, "" and line breaks', () => {
    // By reading the file: header + 2 data rows (the first spans two lines inside a quoted Message).
    const report = parseOwn('gitleaks/v8-quoted.csv')
    expect(report).toMatchObject({ tool: 'gitleaks', format: 'gitleaks-csv' })
    expect(report.findings.map(f => [f.ruleId, f.path, f.line])).toEqual([
      ['slack-webhook-url', 'ops/notify.py', 12],
      ['private-key', 'deploy/id_rsa', 1]
    ])
    expect(JSON.stringify(report.findings)).not.toContain('hooks.slack.com')
  })

  it('header only is clean', () => {
    expect(parseOwn('gitleaks/v8-clean.csv').findings).toEqual([])
  })

  it('parseCsv keeps row line numbers', () => {
    const rows = parseCsv('a,b\r\n"x\ny",2\n3,"4"""\n')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', '2'] },
      { line: 4, cells: ['3', '4"'] }
    ])
  })

  it('fails closed on a CSV that is not gitleaks, ragged rows and unterminated quotes', () => {
    expect(parseError('name,severity\nfoo,high\n', 'leaks.csv')).toMatch(/leaks\.csv: not a JSON report \(nor gitleaks CSV\): it starts with "name,severity"/)
    expect(parseError('name,severity\nfoo,high\n', 'leaks.csv', { format: 'gitleaks-csv' })).toMatch(/does not start with gitleaks' CSV header/)
    expect(parseError('RuleID,Commit,Secret\nx,y,z\n', 'leaks.csv')).toMatch(/not a complete gitleaks CSV header: expected "RuleID,Commit,File,SymlinkFile/)
    expect(parseError(`${HEADER}\nx,a.txt\n`, 'leaks.csv')).toMatch(/line 2: 2 fields where the header has 16/)
    expect(parseError(`${HEADER}\nx,"a.txt,3\n`, 'leaks.csv')).toMatch(/line 2: unterminated quoted field/)
    expect(parseError(`${HEADER}\n${ROW}\n`, 'leaks.csv', { format: 'gitleaks-json' })).toMatch(/not a JSON report/)
  })

  // Regression (hardening corpus): a CSV cut inside its header line read as a clean report.
  it('a header cut short is an error, never a clean report', () => {
    for (const end of [61, 63, 114, HEADER.length - 1]) {
      expect(parseError(HEADER.slice(0, end), 'leaks.csv'), `cut at ${end}`).toMatch(/leaks\.csv: not a complete gitleaks CSV header \(cut short: is the file truncated\?\)/)
    }
    // Older columns in a wrong order, or a column missing in the middle.
    expect(parseError(`${HEADER.replace('Secret,Match', 'Match,Secret')}\n`, 'leaks.csv')).toMatch(/not a complete gitleaks CSV header/)
    expect(parseError(`${HEADER.replace('Author,', '')}\n`, 'leaks.csv')).toMatch(/not a complete gitleaks CSV header/)
  })

  it('a file without its final line break is truncated', () => {
    // Cut exactly after the Fingerprint column: an older real header, but the line break is gone.
    expect(parseError(HEADER.slice(0, HEADER.indexOf(',Tags')), 'leaks.csv')).toMatch(/line 1: the last line has no line break, the file is truncated/)
    expect(parseError(`${HEADER}\n${ROW}`, 'leaks.csv')).toMatch(/line 2: the last line has no line break/)
    expect(parseError(`${HEADER}\n${ROW.slice(0, 30)}\n`, 'leaks.csv')).toMatch(/line 2: \d+ fields where the header has 16/)
  })

  it('accepts every header gitleaks v8 has written, and CRLF line ends', () => {
    const base = ['RuleID', 'Commit', 'File', 'Secret', 'Match', 'StartLine', 'EndLine', 'StartColumn', 'EndColumn', 'Author', 'Message', 'Date', 'Email']
    const rowFor = (columns: string[]): string => columns.map(c => ({ RuleID: 'aws-access-token', File: 'a.env', StartLine: '3' })[c] ?? '').join(',')
    const headers = [
      base.map(c => (c === 'Match' ? 'Context' : c)),
      base,
      [...base, 'Fingerprint'],
      HEADER.split(',').slice(0, -1),
      HEADER.split(','),
      [...HEADER.split(','), 'Link']
    ]
    for (const columns of headers) {
      const report = parseReport(`${columns.join(',')}\r\n${rowFor(columns)}\r\n`, 'leaks.csv')
      expect(report.findings.map(f => [f.ruleId, f.path, f.line]), columns.join(',')).toEqual([['aws-access-token', 'a.env', 3]])
    }
    expect(parseReport(`${HEADER}\n`, 'leaks.csv').findings).toEqual([])
  })
})
