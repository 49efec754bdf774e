/**
 * Every real scanner report in ../shared/fixtures/reports (see PROVENANCE.md
 * there) with its exact counts per severity. The expected numbers were
 * worked out with jq, independently of the parsers; the command is next to
 * each entry (run from shared/fixtures/reports). Severity words map as in
 * docs/severity-mapping.md (e.g. SARIF error → high, note → low, npm moderate
 * → medium, checkov null → high, gitleaks → secretSeverity = critical).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEVERITIES, type Severity } from '../../../src/core/severity.js'
import { parseReport, type ReportFormat } from '../../../src/gates/parse.js'

const dir = fileURLToPath(new URL('../../../../shared/fixtures/reports/', import.meta.url))
const present = existsSync(dir)
if (!present) console.warn(`SKIPPED: shared scanner fixtures not found at ${dir}`)

type Counts = Partial<Record<Severity, number>>

interface Expectation {
  file: string
  format: ReportFormat
  tool: string
  counts: Counts
  /** How the counts were obtained, independently of the parser. */
  counted: string
}

const RESULTS_TRIVY = `jq '[.Results[]? | (.Vulnerabilities[]?, (.Misconfigurations[]? | select(.Status=="FAIL")), .Secrets[]?, .Licenses[]?) | .Severity] | group_by(.) | map({(.[0]): length}) | add'`
const TRIVY_SARIF = `jq '.runs[0] as $r | [$r.results[] | .ruleId as $id | ($r.tool.driver.rules[] | select(.id==$id) | .properties.tags[2])] | group_by(.) | map({(.[0]): length}) | add'  (Trivy bucket in rule tags)`
const OTHER_SARIF = `jq '.runs[0] as $r | [$r.results[] | .ruleId as $id | (.properties["security-severity"] // (rule by id).properties["security-severity"] // .level // (rule by id).defaultConfiguration.level // "warning") | numbers → GitHub bands] | group_by(.)…'`
const SEMGREP = `jq '[.results[] | select(.extra.is_ignored != true) | .extra.severity] | group_by(.) | map({(.[0]): length}) | add'`
const TFSEC = `jq '[.results[]? | select(.status != 1 and .status != "passed") | .severity] | group_by(.) | map({(.[0]): length}) | add'`
const CHECKOV = `jq '[if type=="array" then .[] else . end | .results.failed_checks[]? | .severity] | group_by(.) | map({(.[0]|tostring): length}) | add'`
const NPM_V2 = `jq '[.vulnerabilities[] | .via[] | objects | .severity] | group_by(.) | map({(.[0]): length}) | add'  (one per package per advisory object)`

const EXPECTED: Expectation[] = [
  // trivy/
  { file: 'trivy/trivy-image-vulns.json', format: 'trivy-json', tool: 'trivy', counts: { critical: 2, medium: 4 }, counted: `${RESULTS_TRIVY} → {"CRITICAL":2,"MEDIUM":4}` },
  { file: 'trivy/trivy-config-misconf.json', format: 'trivy-json', tool: 'trivy', counts: { high: 5, medium: 1, low: 2 }, counted: `${RESULTS_TRIVY} → {"HIGH":5,"LOW":2,"MEDIUM":1}` },
  { file: 'trivy/trivy-fs-vuln-misconf-secret.json', format: 'trivy-json', tool: 'trivy', counts: { critical: 2, high: 2, medium: 1 }, counted: `${RESULTS_TRIVY} → {"CRITICAL":2,"HIGH":2,"MEDIUM":1}` },
  { file: 'trivy/trivy-repo-secrets.json', format: 'trivy-json', tool: 'trivy', counts: { critical: 1, high: 1 }, counted: `${RESULTS_TRIVY} → {"CRITICAL":1,"HIGH":1}` },
  { file: 'trivy/trivy-image-no-vulns.json', format: 'trivy-json', tool: 'trivy', counts: {}, counted: `${RESULTS_TRIVY} → null` },
  { file: 'trivy/trivy-image-vulns.sarif', format: 'sarif', tool: 'trivy', counts: { medium: 4 }, counted: `${TRIVY_SARIF} → {"MEDIUM":4} (security-severity 5.3 would also be medium)` },
  { file: 'trivy/trivy-config-misconf.sarif', format: 'sarif', tool: 'trivy', counts: { high: 5, medium: 1, low: 2 }, counted: `${TRIVY_SARIF} → {"HIGH":5,"LOW":2,"MEDIUM":1}` },
  // gitleaks/ (no severity: secretSeverity default critical)
  { file: 'gitleaks/gitleaks-v8-simple.json', format: 'gitleaks-json', tool: 'gitleaks', counts: { critical: 1 }, counted: `jq length → 1` },
  { file: 'gitleaks/gitleaks-v8-empty.json', format: 'gitleaks-json', tool: 'gitleaks', counts: {}, counted: `jq length → 0` },
  { file: 'gitleaks/gitleaks-v8-many.json', format: 'gitleaks-json', tool: 'gitleaks', counts: { critical: 4 }, counted: `jq length → 4` },
  { file: 'gitleaks/gitleaks-v7-legacy.json', format: 'gitleaks-json', tool: 'gitleaks', counts: { critical: 8 }, counted: `jq length → 8` },
  { file: 'gitleaks/gitleaks-v8-simple.sarif', format: 'sarif', tool: 'gitleaks', counts: { critical: 1 }, counted: `jq '[.runs[].results[]] | length' → 1` },
  { file: 'gitleaks/gitleaks-v7-legacy.sarif', format: 'sarif', tool: 'gitleaks', counts: { critical: 8 }, counted: `jq '[.runs[].results[]] | length' → 8` },
  { file: 'gitleaks/gitleaks-v8-simple.csv', format: 'gitleaks-csv', tool: 'gitleaks', counts: { critical: 1 }, counted: `tail -n +2 file | wc -l → 1 data row` },
  // semgrep/
  { file: 'semgrep/semgrep-1.84-low-severity.json', format: 'semgrep-json', tool: 'semgrep', counts: { low: 3 }, counted: `${SEMGREP} → {"LOW":3}` },
  { file: 'semgrep/semgrep-1.100-fingerprint.json', format: 'semgrep-json', tool: 'semgrep', counts: { high: 1, medium: 1 }, counted: `${SEMGREP} → {"ERROR":1,"WARNING":1}` },
  { file: 'semgrep/semgrep-1.30-warnings.json', format: 'semgrep-json', tool: 'semgrep', counts: { medium: 5 }, counted: `${SEMGREP} → {"WARNING":5}` },
  { file: 'semgrep/semgrep-legacy-many-findings.json', format: 'semgrep-json', tool: 'semgrep', counts: { medium: 2, low: 1 }, counted: `${SEMGREP} → {"INFO":1,"WARNING":2}` },
  { file: 'semgrep/semgrep-empty.json', format: 'semgrep-json', tool: 'semgrep', counts: {}, counted: `${SEMGREP} → null` },
  { file: 'semgrep/semgrep-oss-1.69.sarif', format: 'sarif', tool: 'semgrep', counts: { critical: 34, high: 1, medium: 42 }, counted: `jq '.runs[0] as $r | [$r.results[] | .ruleId as $id | ($r.tool.driver.rules[] | select(.id==$id) | .properties["security-severity"] // .defaultConfiguration.level)] | group_by(.)…' → {"CRITICAL":34,"HIGH":1,"MEDIUM":42}` },
  { file: 'semgrep/semgrep-oss-1.66-empty.sarif', format: 'sarif', tool: 'semgrep', counts: {}, counted: `jq '.runs[0].results | length' → 0` },
  // tfsec/
  { file: 'tfsec/tfsec-v1-many.json', format: 'tfsec-json', tool: 'tfsec', counts: { critical: 14, high: 3, medium: 1, low: 1 }, counted: `${TFSEC} → {"CRITICAL":14,"HIGH":3,"LOW":1,"MEDIUM":1}` },
  { file: 'tfsec/tfsec-legacy-many.json', format: 'tfsec-json', tool: 'tfsec', counts: { high: 3, medium: 1 }, counted: `${TFSEC} → {"ERROR":3,"WARNING":1}` },
  { file: 'tfsec/tfsec-no-findings.json', format: 'tfsec-json', tool: 'tfsec', counts: {}, counted: `${TFSEC} → null ({"results": null})` },
  // checkov/
  { file: 'checkov/checkov-terraform-severity.json', format: 'checkov-json', tool: 'checkov', counts: { high: 1, medium: 2, low: 1 }, counted: `${CHECKOV} → {"HIGH":1,"LOW":1,"MEDIUM":2}` },
  { file: 'checkov/checkov-multi-framework.json', format: 'checkov-json', tool: 'checkov', counts: { high: 13 }, counted: `${CHECKOV} → {"null":13} (OSS null severity → high)` },
  { file: 'checkov/checkov-no-resources.json', format: 'checkov-json', tool: 'checkov', counts: {}, counted: `${CHECKOV} → null (bare summary, failed 0)` },
  // npm-audit/
  { file: 'npm-audit/npm-audit-v2-many.json', format: 'npm-audit-json', tool: 'npm-audit', counts: { medium: 2, low: 1 }, counted: `${NPM_V2} → {"low":1,"moderate":2}` },
  { file: 'npm-audit/npm-audit-v2-one-high.json', format: 'npm-audit-json', tool: 'npm-audit', counts: { high: 1, medium: 1 }, counted: `${NPM_V2} → {"high":1,"moderate":1}` },
  { file: 'npm-audit/npm-audit-v2-none.json', format: 'npm-audit-json', tool: 'npm-audit', counts: {}, counted: `${NPM_V2} → null` },
  { file: 'npm-audit/npm-audit-v1-legacy-one-critical.json', format: 'npm-audit-json', tool: 'npm-audit', counts: { critical: 1 }, counted: `jq '[.advisories[] | .severity as $s | .findings[] | $s] | group_by(.)…' → {"critical":1}` },
  // sarif-other/
  { file: 'sarif-other/codeql-2.5.4.sarif', format: 'sarif', tool: 'codeql', counts: { high: 11, medium: 4, low: 57 }, counted: `${OTHER_SARIF} → {"error":11,"note":57,"warning":4}` },
  { file: 'sarif-other/grype-0.34.7.sarif', format: 'sarif', tool: 'grype', counts: { critical: 1, high: 11, medium: 4, low: 6 }, counted: `${OTHER_SARIF} → {"critical":1,"high":11,"low":6,"medium":4}` },
  { file: 'sarif-other/flawfinder-2.0.19.sarif', format: 'sarif', tool: 'flawfinder', counts: { high: 2, medium: 1, low: 51 }, counted: `${OTHER_SARIF} → {"error":2,"note":51,"warning":1}` },
  { file: 'sarif-other/dockle-0.3.15.sarif', format: 'sarif', tool: 'dockle', counts: { high: 1, low: 3 }, counted: `${OTHER_SARIF} → {"error":1,"note":3}` }
]

function read(file: string): string {
  return readFileSync(`${dir}${file}`, 'utf8')
}

function countsOf(severities: Severity[]): Counts {
  const counts: Counts = {}
  for (const s of severities) counts[s] = (counts[s] ?? 0) + 1
  return counts
}

describe.skipIf(!present)('shared scanner fixtures: exact counts per severity', () => {
  it('covers every report file in the fixture folder', async () => {
    const { readdirSync } = await import('node:fs')
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map(f => f.replace(/\\/g, '/'))
      .filter(f => /\.(json|sarif|csv)$/.test(f))
      .sort()
    expect(files).toEqual(EXPECTED.map(e => e.file).sort())
  })

  for (const expected of EXPECTED) {
    it(`${expected.file}: ${JSON.stringify(expected.counts)}`, () => {
      const report = parseReport(read(expected.file), expected.file)
      expect(report.format).toBe(expected.format)
      expect(report.tool).toBe(expected.tool)
      expect(countsOf(report.findings.map(f => f.severity))).toEqual(expected.counts)
      const total = Object.values(expected.counts).reduce((a, b) => a + b, 0)
      expect(report.findings).toHaveLength(total)
      // Fingerprints are unique within a report, and every finding is complete.
      expect(new Set(report.findings.map(f => f.fingerprint)).size).toBe(total)
      for (const f of report.findings) {
        expect(SEVERITIES).toContain(f.severity)
        expect(f.source).toBe(expected.tool)
        expect(f.ruleId).not.toBe('')
        expect(f.line).toBeGreaterThanOrEqual(1)
        expect(f.helpUri).toMatch(/^https?:\/\//)
        expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/)
      }
      // The explicit format agrees with detection.
      expect(parseReport(read(expected.file), expected.file, { format: expected.format }).findings).toHaveLength(total)
    })
  }
})

describe.skipIf(!present)('shared scanner fixtures: details', () => {
  const parse = (file: string) => parseReport(read(file), file)

  it('trivy-image-vulns.json: the same CVE on libcrypto and libssl is two findings', () => {
    const report = parse('trivy/trivy-image-vulns.json')
    // jq '[.Results[].Vulnerabilities[] | select(.VulnerabilityID=="CVE-2019-1549") | .PkgName]' → ["libcrypto1.1","libssl1.1"]
    const same = report.findings.filter(f => f.ruleId === 'CVE-2019-1549')
    expect(same.map(f => f.properties?.package).sort()).toEqual(['libcrypto1.1', 'libssl1.1'])
    expect(same[0]?.fingerprint).not.toBe(same[1]?.fingerprint)
    expect(same[0]).toMatchObject({
      kind: 'vulnerability',
      path: 'testdata/fixtures/images/alpine-39.tar.gz (alpine 3.9.4)',
      line: 1,
      fixAvailable: true,
      helpUri: 'https://avd.aquasec.com/nvd/cve-2019-1549',
      properties: { installedVersion: '1.1.1b-r1', fixedVersion: '1.1.1d-r0' }
    })
  })

  it('trivy-image-vulns.sarif: the Trivy bucket wins and package facts come from the message', () => {
    const report = parse('trivy/trivy-image-vulns.sarif')
    const f = report.findings.find(x => x.properties?.package === 'libcrypto1.1' && x.ruleId === 'CVE-2019-1549')
    expect(f).toMatchObject({
      severity: 'medium',
      kind: 'vulnerability',
      path: 'testdata/fixtures/images/alpine-310.tar.gz',
      fixAvailable: true,
      properties: { installedVersion: '1.1.1c-r0', fixedVersion: '1.1.1d-r0', securitySeverity: '5.3' }
    })
  })

  it('trivy-config-misconf.json: only Status FAIL, file and lines from CauseMetadata', () => {
    const report = parse('trivy/trivy-config-misconf.json')
    const f = report.findings.find(x => x.ruleId === 'AWS-0086')
    expect(f).toMatchObject({ path: 'main.tf', line: 8, endLine: 10, kind: 'misconfiguration', severity: 'high' })
  })

  it('trivy-fs-vuln-misconf-secret.json: kinds', () => {
    const kinds = countsOfKinds(parse('trivy/trivy-fs-vuln-misconf-secret.json').findings.map(f => f.kind))
    expect(kinds).toEqual({ vulnerability: 2, misconfiguration: 1, secret: 2 })
  })

  it('gitleaks never puts the secret into a message or property', () => {
    for (const file of ['gitleaks/gitleaks-v8-simple.json', 'gitleaks/gitleaks-v8-simple.csv', 'gitleaks/gitleaks-v8-simple.sarif']) {
      const [f] = parse(file).findings
      expect(f).toMatchObject({ ruleId: 'test-rule', path: 'auth.py', line: 1, kind: 'secret', severity: 'critical' })
      expect(JSON.stringify(f)).not.toContain('a secret')
    }
    const v7 = parse('gitleaks/gitleaks-v7-legacy.json').findings
    expect(JSON.stringify(v7)).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(JSON.stringify(parse('gitleaks/gitleaks-v7-legacy.sarif').findings)).not.toContain('AKIAIOSFODNN7EXAMPLE')
  })

  it('gitleaks JSON, CSV and SARIF of the same leak share one fingerprint', () => {
    const prints = ['gitleaks/gitleaks-v8-simple.json', 'gitleaks/gitleaks-v8-simple.csv', 'gitleaks/gitleaks-v8-simple.sarif'].map(
      file => parse(file).findings[0]?.fingerprint
    )
    expect(new Set(prints).size).toBe(1)
  })

  it('gitleaks v7 SARIF: the rule comes from the message when ruleId is missing', () => {
    const rules = parse('gitleaks/gitleaks-v7-legacy.sarif').findings.map(f => f.ruleId)
    // jq -r '.runs[0].results[].message.text' | sort | uniq -c → 6 "AWS Access Key secret detected", 2 "Asymmetric Private Key secret detected"
    expect(countsOfKinds(rules)).toEqual({ 'AWS Access Key': 6, 'Asymmetric Private Key': 2 })
  })

  it('secretSeverity applies to gitleaks', () => {
    const report = parseReport(read('gitleaks/gitleaks-v8-many.json'), 'g.json', { secretSeverity: 'high' })
    expect(report.findings.every(f => f.severity === 'high')).toBe(true)
  })

  it('semgrep SARIF: word security-severity and %SRCROOT% paths', () => {
    const [f] = parse('semgrep/semgrep-oss-1.69.sarif').findings
    expect(f?.path).toBe('Gruntfile.js')
    expect(f?.line).toBe(75)
    expect(f?.column).toBe(22)
  })

  it('codeql: rules found by ruleId, paths relative', () => {
    const f = parse('sarif-other/codeql-2.5.4.sarif').findings.find(x => x.ruleId === 'py/empty-except')
    expect(f).toMatchObject({ path: 'good/db_init.py', line: 39, column: 5, kind: 'sast' })
  })

  it('grype: package facts and fix data from the rule help', () => {
    const f = parse('sarif-other/grype-0.34.7.sarif').findings.find(x => x.ruleId === 'CVE-2008-0732-geronimo-j2ee-management_1.1_spec')
    expect(f).toMatchObject({
      kind: 'vulnerability',
      severity: 'low',
      fixAvailable: false,
      properties: { package: 'geronimo-j2ee-management_1.1_spec', installedVersion: '1.0.1' }
    })
  })

  it('checkov: paths lose the leading slash and [0,0] line ranges become line 1', () => {
    const findings = parse('checkov/checkov-multi-framework.json').findings
    const docker = findings.find(f => f.ruleId === 'CKV_DOCKER_3')
    expect(docker).toMatchObject({ path: 'infra/terraform/aws/resources/Dockerfile', line: 1, kind: 'misconfiguration' })
  })

  it('npm audit v2: one finding per advisory of a package, fixAvailable from the package', () => {
    const findings = parse('npm-audit/npm-audit-v2-one-high.json').findings
    expect(findings.map(f => f.ruleId).sort()).toEqual(['GHSA-9vvw-cc9w-f27h', 'GHSA-gxpj-cx7g-858c'])
    expect(findings.every(f => f.properties?.package === 'debug' && f.fixAvailable === true)).toBe(true)
  })

  it('tfsec: long ids and absolute paths as written', () => {
    const [f] = parse('tfsec/tfsec-v1-many.json').findings
    expect(f).toMatchObject({ ruleId: 'aws-vpc-no-excessive-port-access', path: '/tmp/aws-eks/modules/vpc-subnets/resources.tf', line: 155 })
  })
})

function countsOfKinds(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1
  return counts
}
