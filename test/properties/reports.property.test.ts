/**
 * Properties of the report parsers (issue 8): parseReport throws nothing but
 * InputFileError on any text, mutated real report or adversarial input, and
 * terminates; SARIF we write reads back as the same findings; a JSON result
 * we write reads back as a baseline with the same fingerprints.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { InputFileError } from '../../src/core/errors.js'
import { fingerprintOf, FINDING_KINDS, type Finding } from '../../src/core/finding.js'
import { finalize } from '../../src/core/pipeline.js'
import { DeployGatesConfig } from '../../src/core/config.js'
import { toSarif } from '../../src/core/sarif-write.js'
import { SEVERITIES } from '../../src/core/severity.js'
import { toJsonResult } from '../../src/core/write-outputs.js'
import { loadBaseline } from '../../src/gates/baseline.js'
import { parseReport, REPORT_FORMATS, type ReportFormat } from '../../src/gates/parse.js'
import { deepArrays, deepObjects, HOSTILE, HOSTILE_MIXED, HOSTILE_SPACES, onlyDocumented, replaceStrings, RunCounter, terminates } from './support.js'

const repo = resolve(import.meta.dirname, '../..')
const sharedDir = resolve(repo, '../shared/fixtures/reports')
const counter = new RunCounter()
afterAll(() => counter.print('report parser properties'))

function fixtures(): Array<{ name: string; text: string }> {
  const dirs = [resolve(repo, 'test/fixtures/reports'), sharedDir]
  return dirs.flatMap(dir => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile() && !e.name.endsWith('.md'))
        .map(e => ({ name: relative(dir, join(e.parentPath, e.name)), text: readFileSync(join(e.parentPath, e.name), 'utf8') }))
    } catch {
      return []
    }
  })
}

const FIXTURES = fixtures()
const ALLOWED = [InputFileError]
const formatArb = fc.option(fc.constantFrom<ReportFormat>(...REPORT_FORMATS), { nil: undefined })
const nameArb = fc.constantFrom('report.json', 'trivy.json', 'gitleaks.json', 'semgrep.json', 'results.sarif', 'checkov.json', 'tfsec.json', 'audit.json', 'leaks.csv')

function parse(text: string, name: string, format?: ReportFormat): void {
  onlyDocumented(() => parseReport(text, name, format ? { format } : {}), ALLOWED)
}

describe('parseReport: only InputFileError, on anything', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), nameArb, formatArb, counter.count('parseReport: arbitrary text', parse)), { numRuns: 300 })
  })

  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), nameArb, formatArb, counter.count('parseReport: arbitrary JSON', (value, name, format) => parse(JSON.stringify(value), name, format))),
      { numRuns: 300 }
    )
  })

  it('report-shaped JSON with random values in the key places', () => {
    const anyValue = fc.jsonValue({ maxDepth: 3 })
    const shaped = fc.oneof(
      fc.record({ SchemaVersion: fc.constant(2), ArtifactName: fc.string(), Results: fc.array(fc.record({ Target: anyValue, Vulnerabilities: anyValue, Misconfigurations: anyValue, Secrets: anyValue })) }),
      fc.record({ version: fc.constant('2.1.0'), runs: fc.array(fc.record({ tool: fc.record({ driver: fc.record({ name: anyValue, rules: anyValue }) }), results: fc.array(fc.record({ ruleId: anyValue, level: anyValue, message: anyValue, locations: anyValue, properties: anyValue })) })) }),
      fc.record({ results: fc.array(fc.record({ check_id: anyValue, path: anyValue, start: anyValue, extra: anyValue })), errors: fc.constant([]) }),
      fc.array(fc.record({ RuleID: anyValue, File: anyValue, StartLine: anyValue, Secret: anyValue })),
      fc.record({ auditReportVersion: fc.constant(2), vulnerabilities: fc.dictionary(fc.string(), fc.record({ severity: anyValue, via: anyValue, range: anyValue })) }),
      fc.record({ check_type: fc.string(), results: fc.record({ failed_checks: anyValue }) }),
      fc.record({ results: fc.array(fc.record({ rule_id: anyValue, severity: anyValue, location: anyValue })) })
    )
    fc.assert(fc.property(shaped, nameArb, counter.count('parseReport: report-shaped JSON', (doc, name) => parse(JSON.stringify(doc), name))), { numRuns: 300 })
  })

  it.skipIf(FIXTURES.length === 0)('real reports with one random byte range deleted, duplicated or overwritten', () => {
    const mutation = fc.record({ fixture: fc.nat(FIXTURES.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), span: fc.nat(64), kind: fc.constantFrom('delete', 'duplicate', 'overwrite'), byte: fc.string({ minLength: 1, maxLength: 3 }) })
    fc.assert(
      fc.property(
        mutation,
        counter.count('parseReport: mutated real reports', m => {
          const { name, text } = FIXTURES[m.fixture]!
          const at = Math.floor(m.at * text.length)
          const mutated =
            m.kind === 'delete'
              ? text.slice(0, at) + text.slice(at + m.span)
              : m.kind === 'duplicate'
                ? text.slice(0, at + m.span) + text.slice(at)
                : text.slice(0, at) + m.byte + text.slice(at + m.byte.length)
          parse(mutated, name)
        })
      ),
      { numRuns: 300 }
    )
  })
})

describe('parseReport terminates on adversarial input', () => {
  const cases: Array<[string, () => string, string]> = [
    ['10,000 nested arrays', () => deepArrays(10_000), 'deep.json'],
    ['100,000 nested arrays', () => deepArrays(100_000), 'deeper.json'],
    ['10,000 nested objects', () => deepObjects(10_000), 'deep-objects.sarif'],
    ['SARIF with 10,000 nested properties', () => `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"r","message":{"text":"m"},"properties":${deepObjects(10_000)}}]}]}`, 'deep.sarif'],
    ['a 5 MB single line SARIF message', () => JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', level: 'error', message: { text: 'a'.repeat(5 * 1024 * 1024) } }] }] }), 'big.sarif'],
    ['a 5 MB single line that is not JSON', () => 'x'.repeat(5 * 1024 * 1024), 'big.json'],
    ['a 5 MB unterminated string', () => `{"results": ["${'a'.repeat(5 * 1024 * 1024)}`, 'cut.json'],
    ['a 5 MB gitleaks CSV line', () => `RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags\nr,c,f,,${'"'.repeat(1)}${'a'.repeat(5 * 1024 * 1024)}`, 'leaks.csv']
  ]
  it.each(cases)('%s', async (label, make, name) => {
    counter.add('parseReport: adversarial')
    await terminates(label, () => parse(make(), name))
  })

  it.skipIf(FIXTURES.length === 0)('every string field of every real report replaced by regex-hostile strings', async () => {
    // One hostile string per report, rotating; reports above 30 KB hold so many strings that the
    // document would grow to hundreds of MB, which tests memory, not regexes.
    const small = FIXTURES.filter(f => f.text.length < 30_000)
    for (const [index, { name, text }] of small.entries()) {
      const hostile = [HOSTILE, HOSTILE_SPACES, HOSTILE_MIXED][index % 3]!
      {
        let doc: unknown
        try {
          doc = JSON.parse(text)
        } catch {
          continue // CSV and broken fixtures: covered by the byte mutations
        }
        counter.add('parseReport: hostile strings in real reports')
        await terminates(`${name} with hostile strings`, () => parse(JSON.stringify(replaceStrings(doc, hostile)), name))
      }
    }
  }, 120_000)
})

// Findings as capabilities produce them: repo-relative paths, 1-based lines.
const segment = fc.string({ unit: fc.constantFrom(...'abcXYZ09-_. %#?éü漢'.split('')), minLength: 1, maxLength: 8 }).filter(s => s !== '.' && s !== '..' && s.trim() === s)
const findingArb = fc
  .record({
    source: fc.constantFrom('trivy', 'container-lint', 'oidc-guard', 'semgrep'),
    ruleId: fc.constantFrom('CVE-2024-0001', 'CL-DF-001', 'OG-WF-012', 'python.lang.security.x', 'RULE 1'),
    severity: fc.constantFrom(...SEVERITIES),
    path: fc.array(segment, { minLength: 1, maxLength: 4 }).map(parts => parts.join('/')),
    line: fc.integer({ min: 1, max: 100_000 }),
    message: fc.string({ minLength: 1, maxLength: 60 }).filter(s => s.trim() !== ''),
    kind: fc.constantFrom(...FINDING_KINDS)
  })
  .map(
    (r): Finding => ({
      source: r.source,
      ruleId: r.ruleId,
      ruleName: r.ruleId.toLowerCase(),
      severity: r.severity,
      title: `${r.ruleId} title`,
      message: r.message,
      path: r.path,
      line: r.line,
      fingerprint: fingerprintOf(r.source, r.ruleId, r.path, r.message),
      helpUri: 'https://example.test/rule',
      kind: r.kind
    })
  )

function key(f: Pick<Finding, 'ruleId' | 'severity' | 'path' | 'line'>): string {
  return JSON.stringify([f.ruleId, f.severity, f.path, f.line])
}

describe('round trips', () => {
  it('SARIF written by sarif-write reads back through parseReport as the same findings', () => {
    fc.assert(
      fc.property(
        fc.array(findingArb, { minLength: 1, maxLength: 12 }),
        counter.count('round trip: SARIF write → parseReport', findings => {
          const sarif = JSON.stringify(toSarif(findings, { toolVersion: '0.1.0' }).log)
          const read = parseReport(sarif, 'merged.sarif').findings
          expect(read.map(key).sort()).toEqual(findings.map(key).sort())
        })
      ),
      { numRuns: 200 }
    )
  })

  it('a JSON result written by the CLI reads back as a baseline with the same fingerprints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-baseline-'))
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(findingArb, { maxLength: 12 }),
          counter.count('round trip: JSON result → baseline', async findings => {
            const report = finalize({ command: 'gates', findings, errors: [], inputs: ['x.json'] }, DeployGatesConfig.empty(), { failOn: 'high' })
            writeFileSync(join(dir, 'result.json'), toJsonResult(report))
            const baseline = await loadBaseline('result.json', { workspace: dir })
            expect([...baseline].sort()).toEqual([...new Set(findings.map(f => f.fingerprint))].sort())
          })
        ),
        { numRuns: 100 }
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('our merged SARIF reads back as a baseline with the same fingerprints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-baseline-'))
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(findingArb, { minLength: 1, maxLength: 12 }),
          counter.count('round trip: SARIF → baseline', async findings => {
            writeFileSync(join(dir, 'merged.sarif'), JSON.stringify(toSarif(findings, { toolVersion: '0.1.0' }).log))
            const baseline = await loadBaseline('merged.sarif', { workspace: dir })
            expect([...baseline].sort()).toEqual([...new Set(findings.map(f => f.fingerprint))].sort())
          })
        ),
        { numRuns: 100 }
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
