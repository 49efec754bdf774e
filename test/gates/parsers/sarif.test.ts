import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { parseError, parseOwn, severityCounts } from './helpers.js'

const sarif = (runs: unknown[]): string => JSON.stringify({ version: '2.1.0', runs })
const driver = (name: string, rules: unknown[] = []) => ({ tool: { driver: { name, rules } } })

describe('SARIF: Trivy', () => {
  it('the Trivy bucket in rule tags wins over the CVSS security-severity', () => {
    // By reading the file: CVE-2023-5678 has security-severity 7.5 (GitHub: high) and tag MEDIUM; DS-0002 tag HIGH.
    const report = parseOwn('trivy/image-cvss-above-bucket.sarif')
    expect(report.tool).toBe('trivy')
    expect(severityCounts(report.findings)).toEqual({ medium: 2, high: 1 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'CVE-2023-5678',
      kind: 'vulnerability',
      fixAvailable: true,
      fix: 'Upgrade libssl3 to 3.1.4-r1',
      properties: { package: 'libssl3', installedVersion: '3.1.4-r0', fixedVersion: '3.1.4-r1', securitySeverity: '7.5' }
    })
    expect(report.findings[1]).toMatchObject({ fixAvailable: false, properties: { package: 'libcrypto3' } })
    expect(report.findings[0]?.fingerprint).not.toBe(report.findings[1]?.fingerprint)
  })

  it('file:// URIs under originalUriBaseIds become relative and %20 is decoded', () => {
    const misconf = parseOwn('trivy/image-cvss-above-bucket.sarif').findings[2]
    expect(misconf).toMatchObject({
      ruleId: 'DS-0002',
      kind: 'misconfiguration',
      path: 'docker/My App/Dockerfile',
      message: 'Specify at least 1 USER command in Dockerfile with non-root user as argument'
    })
  })

  it('old template with restarting ruleIndex: rules are looked up by ruleId', () => {
    // By reading the file: result 2 is CVE-2021-3449 (rule tag CRITICAL) but ruleIndex 1 points at a LOW rule;
    // result 3 is CVE-2021-23840 (LOW) but ruleIndex 0 points at a HIGH rule. Every level is "error".
    const report = parseOwn('trivy/template-wrong-ruleindex.sarif')
    expect(report.findings.map(f => [f.ruleId, f.severity])).toEqual([
      ['CVE-2020-1967/libssl1.1', 'high'],
      ['CVE-2021-3449/libssl1.1', 'critical'],
      ['CVE-2021-23840/libssl1.1', 'low']
    ])
    expect(report.findings.every(f => f.kind === 'vulnerability')).toBe(true)
  })
})

describe('SARIF: other producers', () => {
  it('Semgrep: word security-severity, numeric security-severity, default level; tags like "HIGH CONFIDENCE" are ignored', () => {
    const report = parseOwn('semgrep/word-and-number.sarif')
    expect(report.tool).toBe('semgrep')
    expect(report.findings.map(f => f.severity)).toEqual(['critical', 'high', 'high'])
    expect(report.findings[2]).toMatchObject({ path: 'src/a b.py', line: 8, ruleId: 'rules.level-only' })
    expect(report.findings[0]).toMatchObject({ path: 'src/run.py', line: 10, column: 5, helpUri: 'https://semgrep.dev/r/rules.word-critical' })
  })

  it('gitleaks: secretSeverity, rule missing from driver.rules, no secret in output', () => {
    const report = parseOwn('gitleaks/v8-one-leak.sarif')
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({ ruleId: 'github-pat', severity: 'critical', kind: 'secret', path: 'scripts/release.sh', line: 7 })
    expect(JSON.stringify(report.findings)).not.toContain('ghp_FAKE')
    expect(parseOwn('gitleaks/v8-one-leak.sarif', { secretSeverity: 'low' }).findings[0]?.severity).toBe('low')
  })

  it('gitleaks JSON and SARIF of the same leak share a fingerprint', () => {
    const json = parseOwn('gitleaks/v8-two-leaks.json').findings[0]
    const fromSarif = parseOwn('gitleaks/v8-one-leak.sarif').findings[0]
    expect(fromSarif?.fingerprint).toBe(json?.fingerprint)
  })

  it('checkov: suppressed (skipped) results are dropped and counted', () => {
    // By reading the file: 3 results, one with suppressions [inSource] → 2 findings (level error, security-severity 3.9).
    const report = parseOwn('checkov/results.sarif')
    expect(report).toMatchObject({ tool: 'checkov', suppressed: 1 })
    expect(severityCounts(report.findings)).toEqual({ high: 1, low: 1 })
    expect(report.findings.every(f => f.kind === 'misconfiguration')).toBe(true)
  })

  it('tfsec (defsec driver) is reported as tfsec', () => {
    const report = parseOwn('tfsec/defsec.sarif.json')
    expect(report).toMatchObject({ tool: 'tfsec', format: 'sarif' })
    expect(report.findings[0]).toMatchObject({ severity: 'high', kind: 'misconfiguration', line: 1, endLine: 4 })
  })

  it('hadolint and zizmor', () => {
    const hadolint = parseOwn('sarif/hadolint.sarif')
    expect(hadolint.tool).toBe('hadolint')
    expect(hadolint.findings.map(f => [f.ruleId, f.severity, f.line])).toEqual([
      ['DL3008', 'medium', 4],
      ['DL3002', 'high', 9],
      ['SC2086', 'low', 6]
    ])
    expect(hadolint.findings.every(f => f.kind === 'misconfiguration' && f.path === 'Dockerfile')).toBe(true)
    const zizmor = parseOwn('sarif/zizmor.sarif')
    expect(zizmor.findings.map(f => [f.ruleId, f.severity, f.kind])).toEqual([
      ['zizmor/template-injection', 'high', 'misconfiguration'],
      ['zizmor/artipacked', 'medium', 'misconfiguration']
    ])
    expect(zizmor.findings[0]?.helpUri).toBe('https://docs.zizmor.sh/audits/#template-injection')
  })

  it('CodeQL: rules in tool extensions, artifact index, messageStrings, baselineState absent dropped', () => {
    const report = parseOwn('sarif/codeql-extensions.sarif')
    expect(report).toMatchObject({ tool: 'codeql', suppressed: 1 })
    expect(report.findings.map(f => [f.ruleId, f.severity, f.path, f.line])).toEqual([
      ['js/sql-injection', 'high', 'src/db.js', 17],
      ['js/unused-local-variable', 'low', 'src/db.js', 3]
    ])
    expect(report.findings[1]?.message).toBe('Unused variable tmp.')
  })

  it('several tools in one log: each finding names its tool; the report tool is "sarif"', () => {
    const report = parseOwn('sarif/two-tools.sarif')
    expect(report.tool).toBe('sarif')
    expect(report.findings.map(f => [f.source, f.severity, f.kind])).toEqual([
      ['grype', 'high', 'vulnerability'],
      ['dockle', 'medium', 'misconfiguration']
    ])
    expect(report.findings[0]).toMatchObject({
      fixAvailable: true,
      properties: { package: 'body-parser', installedVersion: '1.20.2', fixedVersion: '1.20.3' },
      path: '/app/package-lock.json'
    })
    expect(report.findings[1]).toMatchObject({ path: 'shop/api:1.4.2', line: 1 })
  })

  it('clean: runs [] and a run with results []', () => {
    expect(parseOwn('sarif/no-runs.sarif')).toMatchObject({ tool: 'sarif', format: 'sarif', findings: [] })
    expect(parseReport(sarif([{ ...driver('Semgrep OSS'), results: [] }]), 'x.sarif')).toMatchObject({ tool: 'semgrep', findings: [] })
  })

  // Regression (hardening corpus): renaming runs[0].results turned a blocking report into a pass.
  it('a run without results, or with results null, did not complete: an error naming the file and the run', () => {
    expect(parseError(sarif([driver('Semgrep OSS')]), 'out/x.sarif')).toMatch(/^out\/x\.sarif: .*runs\[0\] \(Semgrep OSS\) has no results array: the tool did not complete/)
    expect(parseError(sarif([{ ...driver('x'), results: null }]), 'x.sarif')).toMatch(/runs\[0\] \(x\) has no results array/)
    const blocking = { ...driver('Trivy'), results: [{ ruleId: 'CVE-1', level: 'error', message: { text: 'm' } }] }
    expect(parseError(sarif([blocking, driver('gitleaks')]), 'x.sarif')).toMatch(/runs\[1\] \(gitleaks\) has no results array/)
    const renamed = { ...driver('Trivy'), resultsRenamed: blocking.results }
    expect(parseError(sarif([renamed]), 'x.sarif')).toMatch(/runs\[0\] \(Trivy\) has no results array/)
    // executionSuccessful false keeps its own, more precise message.
    expect(parseError(sarif([{ ...driver('x'), invocations: [{ executionSuccessful: false }] }]), 'x.sarif')).toMatch(/executionSuccessful is false/)
  })

  it('result without a location', () => {
    const [f] = parseReport(sarif([{ ...driver('tool'), results: [{ ruleId: 'R1', level: 'note', message: { text: 'm' } }] }]), 'x.sarif').findings
    expect(f).toMatchObject({ ruleId: 'R1', path: '', line: 1, severity: 'low', title: 'm' })
  })

  it('a rejected suppression does not suppress', () => {
    const results = [
      { ruleId: 'A', level: 'error', message: { text: 'x' }, suppressions: [{ kind: 'external', status: 'rejected' }] },
      { ruleId: 'B', level: 'error', message: { text: 'y' }, suppressions: [{ kind: 'inSource', status: 'accepted' }] }
    ]
    const report = parseReport(sarif([{ ...driver('tool'), results }]), 'x.sarif')
    expect(report.findings.map(f => f.ruleId)).toEqual(['A'])
    expect(report.suppressed).toBe(1)
  })

  it('identical results in one file get distinct fingerprints, stable under line shifts', () => {
    const result = (line: number) => ({ ruleId: 'A', level: 'error', message: { text: 'same' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.tf' }, region: { startLine: line } } }] })
    const a = parseReport(sarif([{ ...driver('tool'), results: [result(3), result(9)] }]), 'x.sarif').findings
    const b = parseReport(sarif([{ ...driver('tool'), results: [result(13), result(19)] }]), 'x.sarif').findings
    expect(a[0]?.fingerprint).not.toBe(a[1]?.fingerprint)
    expect(b.map(f => f.fingerprint)).toEqual(a.map(f => f.fingerprint))
  })

  it('fails closed on bad versions, failed runs and wrong types', () => {
    expect(parseError(JSON.stringify({ version: '2.0.0', runs: [] }), 'x.sarif')).toMatch(/x\.sarif: unsupported SARIF version "2\.0\.0"; only 2\.1\.0/)
    expect(parseError(JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [] }), 'x.sarif')).toMatch(/not SARIF 2\.1\.0: the log has no "version"/)
    expect(parseError(JSON.stringify({ version: '2.1.0', runs: null }), 'x.sarif')).toMatch(/"runs" is null/)
    expect(parseError(JSON.stringify({ version: '2.1.0', runs: {} }), 'x.sarif')).toMatch(/"runs" is not an array/)
    expect(parseError(sarif([{ tool: { driver: {} } }]), 'x.sarif')).toMatch(/runs\[0\]\.tool\.driver\.name is missing/)
    expect(parseError(sarif([{ ...driver('t'), results: {} }]), 'x.sarif')).toMatch(/runs\[0\]\.results is not an array/)
    expect(parseError(sarif([{ ...driver('t'), results: ['x'] }]), 'x.sarif')).toMatch(/runs\[0\]\.results\[0\] is not an object/)
    expect(parseError(sarif([{ ...driver('t'), results: [{ ruleId: 'a', level: 'fatal' }] }]), 'x.sarif')).toMatch(
      /runs\[0\]\.results\[0\]: result level "fatal" is not one of error, warning, note, none/
    )
    expect(parseError(sarif([{ ...driver('Semgrep OSS'), invocations: [{ executionSuccessful: false }], results: [] }]), 'x.sarif')).toMatch(
      /executionSuccessful is false/
    )
  })
})

describe('SARIF: our own merged output', () => {
  it('keeps the deploy-gates fingerprint written into partialFingerprints', () => {
    const results = [{ ruleId: 'CVE-1', level: 'error', message: { text: 'x' }, partialFingerprints: { 'deployGates/v1': 'abc123' } }]
    const [f] = parseReport(sarif([{ ...driver('deploy-gates'), results }]), 'merged.sarif').findings
    expect(f?.fingerprint).toBe('abc123')
  })
})
