import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { ownFixture, parseError, parseOwn, severityCounts } from './helpers.js'

describe('Semgrep JSON', () => {
  it('mixed-severities.json: old and new scales, nosemgrep entries are suppressions', () => {
    // By reading the file: 4 results — ERROR, HIGH, WARNING with is_ignored true (dropped), INFO.
    const report = parseOwn('semgrep/mixed-severities.json')
    expect(report).toMatchObject({ tool: 'semgrep', format: 'semgrep-json', suppressed: 1 })
    expect(severityCounts(report.findings)).toEqual({ high: 2, low: 1 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'python.django.security.injection.sql.sql-injection-using-raw',
      ruleName: 'sql-injection-using-raw',
      path: 'shop/views.py',
      line: 41,
      endLine: 41,
      column: 9,
      kind: 'sast',
      helpUri: 'https://semgrep.dev/r/python.django.security.injection.sql.sql-injection-using-raw',
      properties: { confidence: 'HIGH' }
    })
    expect(report.findings[0]?.properties?.semgrepFingerprint).toBeUndefined()
    expect(report.findings[1]).toMatchObject({
      helpUri: 'https://owasp.org/Top10/A03_2021-Injection/',
      fix: 'res.write(escape(req.query.q))',
      properties: { semgrepFingerprint: '0c1d2e3f4a5b6c7d8e9f_0' }
    })
    expect(report.findings[2]?.helpUri).toBe('https://semgrep.dev/r/yaml.github-actions.security.run-shell-injection')
  })

  it('fingerprints survive a line shift', () => {
    const shifted = ownFixture('semgrep/mixed-severities.json').replaceAll('"line": 41', '"line": 52').replaceAll('"line": 88', '"line": 99')
    const before = parseOwn('semgrep/mixed-severities.json').findings.map(f => f.fingerprint)
    const after = parseReport(shifted, 'shifted.json').findings
    expect(after[0]?.line).toBe(52)
    expect(after.map(f => f.fingerprint)).toEqual(before)
  })

  it('clean shapes', () => {
    expect(parseOwn('semgrep/clean.json').findings).toEqual([])
    expect(parseReport('{"results": [], "errors": []}', 's.json')).toMatchObject({ format: 'semgrep-json', findings: [] })
    expect(parseReport('{"results": null, "errors": [], "version": "1.0.0"}', 's.json').findings).toEqual([])
  })

  it('fails closed on wrong types and unknown severities', () => {
    expect(parseError('{"results": {"check_id": "a"}, "errors": []}')).toMatch(/results is an object, expected an array/)
    expect(parseError('{"results": [{"check_id": "a", "path": "x"}], "errors": []}')).toMatch(/results\[0\]\.extra is missing/)
    expect(parseError('{"results": [{"check_id": "a", "path": "x", "extra": {"severity": "URGENT"}}], "errors": []}')).toMatch(
      /results\[0\]\.extra\.severity "URGENT" is not a Semgrep severity/
    )
    expect(parseError('{"results": [{"check_id": "a", "extra": {"severity": "ERROR"}}], "errors": []}')).toMatch(/results\[0\]\.path is missing/)
  })
})
