import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { parseError, parseOwn, severityCounts } from './helpers.js'

describe('Trivy JSON', () => {
  it('image-two-packages.json: one finding per package × advisory', () => {
    // By reading the file: 5 Vulnerabilities entries — MEDIUM ×2 (CVE-2024-0727 on libssl3 and openssl),
    // CRITICAL ×1, LOW ×1, UNKNOWN ×1 (→ info).
    const report = parseOwn('trivy/image-two-packages.json')
    expect(report).toMatchObject({ tool: 'trivy', format: 'trivy-json' })
    expect(severityCounts(report.findings)).toEqual({ medium: 2, critical: 1, low: 1, info: 1 })
    const same = report.findings.filter(f => f.ruleId === 'CVE-2024-0727')
    expect(same.map(f => f.properties?.package)).toEqual(['libssl3', 'openssl'])
    expect(same[0]?.fingerprint).not.toBe(same[1]?.fingerprint)
    expect(same[0]).toMatchObject({
      source: 'trivy',
      sources: ['trivy'],
      kind: 'vulnerability',
      path: 'registry.example.com/shop/api:1.4.2 (debian 12.5)',
      line: 1,
      fixAvailable: true,
      fix: 'Upgrade libssl3 to 3.0.13-1~deb12u1',
      helpUri: 'https://avd.aquasec.com/nvd/cve-2024-0727',
      properties: { package: 'libssl3', installedVersion: '3.0.11-1~deb12u2', fixedVersion: '3.0.13-1~deb12u1', cvss: 5.5, status: 'fixed' }
    })
  })

  it('fixAvailable is false when FixedVersion is empty or missing; help links fall back to the advisory', () => {
    const findings = parseOwn('trivy/image-two-packages.json').findings
    const zlib = findings.find(f => f.ruleId === 'CVE-2023-45853')
    expect(zlib).toMatchObject({ fixAvailable: false, helpUri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-45853' })
    expect(findings.find(f => f.ruleId === 'CVE-2011-3374')?.fixAvailable).toBe(false)
    const ghsa = findings.find(f => f.ruleId === 'GHSA-gxpj-cx7g-858c')
    expect(ghsa).toMatchObject({ severity: 'info', path: 'app/package-lock.json', helpUri: 'https://github.com/advisories/GHSA-gxpj-cx7g-858c' })
    expect(ghsa?.properties?.pkgPath).toBe('app/node_modules/debug/package.json')
  })

  it('fs-misconf-secret-license.json: FAIL misconfigurations, secrets, licenses', () => {
    // By reading the file: Misconfigurations FAIL ×2 (HIGH, MEDIUM), PASS ×1 (ignored), EXCEPTION ×1 (suppressed);
    // Secrets ×1 CRITICAL; Licenses ×1 HIGH.
    const report = parseOwn('trivy/fs-misconf-secret-license.json')
    expect(severityCounts(report.findings)).toEqual({ high: 2, medium: 1, critical: 1 })
    expect(report.suppressed).toBe(1)
    const misconf = report.findings.find(f => f.ruleId === 'AWS-0086')
    expect(misconf).toMatchObject({
      kind: 'misconfiguration',
      path: 'infra/main.tf',
      line: 12,
      endLine: 15,
      fix: 'Enable blocking any PUT calls with a public ACL specified',
      properties: { resource: 'aws_s3_bucket.logs', avdId: 'AVD-AWS-0086' }
    })
    expect(report.findings.find(f => f.ruleId === 'AWS-0090')?.helpUri).toBe('https://avd.aquasec.com/misconfig/aws-0090')
    expect(report.findings.find(f => f.kind === 'secret')).toMatchObject({ ruleId: 'aws-access-key-id', path: 'deploy/env.sh', line: 4, severity: 'critical' })
    expect(report.findings.find(f => f.kind === 'license')).toMatchObject({ ruleId: 'GPL-3.0', path: 'app/package-lock.json', severity: 'high' })
  })

  it('clean shapes are zero findings', () => {
    expect(parseOwn('trivy/clean-no-results.json').findings).toEqual([])
    expect(parseOwn('trivy/clean-result-without-vulnerabilities.json').findings).toEqual([])
    expect(parseOwn('trivy/legacy-clean-null.json')).toMatchObject({ tool: 'trivy', format: 'trivy-json', findings: [] })
    expect(parseReport('{"SchemaVersion": 2, "Results": null}', 'r.json').findings).toEqual([])
    expect(parseReport('{"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": null}]}', 'r.json').findings).toEqual([])
  })

  it('pre-0.20 array of Results is supported', () => {
    const report = parseOwn('trivy/legacy-pre-0.20.json')
    expect(report).toMatchObject({ tool: 'trivy', format: 'trivy-json' })
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({ ruleId: 'CVE-2019-1549', severity: 'medium', path: 'alpine:3.10 (alpine 3.10.2)' })
  })

  it('trivy k8s Resources[] name the resource', () => {
    const [f] = parseOwn('trivy/k8s-resources.json').findings
    expect(f).toMatchObject({ ruleId: 'KSV-0001', path: 'shop/Deployment/api: Deployment/api', line: 20, severity: 'medium' })
  })

  it('fails closed on unsupported schema versions and wrong types', () => {
    expect(parseError('{"SchemaVersion": 3, "Results": []}')).toMatch(/report\.json: unsupported Trivy SchemaVersion 3/)
    expect(parseError('{"SchemaVersion": "2", "ArtifactName": "x", "Results": []}')).toMatch(/unsupported Trivy SchemaVersion "2"/)
    expect(parseError('{"SchemaVersion": 2, "Results": {"Target": "x"}}')).toMatch(/Results is an object, expected an array/)
    expect(parseError('{"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": "none"}]}')).toMatch(
      /Results\[0\]\.Vulnerabilities is a string, expected an array/
    )
    expect(parseError('{"SchemaVersion": 2, "Results": [7]}')).toMatch(/Results\[0\] is a number, expected an object/)
    expect(parseError('{"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": [{"PkgName": "a", "Severity": "HIGH"}]}]}')).toMatch(
      /Vulnerabilities\[0\]\.VulnerabilityID is missing, expected a non-empty string/
    )
    expect(parseError('{"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "a", "Severity": "SEVERE"}]}]}')).toMatch(
      /Severity "SEVERE" is not a Trivy severity/
    )
    expect(parseError('{"SchemaVersion": 2, "Results": [{"Target": "x", "Misconfigurations": [{"ID": "A", "Severity": "LOW", "Status": "MAYBE"}]}]}')).toMatch(
      /Status "MAYBE" is not FAIL, PASS or EXCEPTION/
    )
    expect(parseError('{"ClusterName": "c", "Vulnerabilities": [], "Misconfigurations": []}')).toMatch(/old `trivy k8s` summary shape/)
  })
})

// Regression (hardening corpus): a renamed Results / Vulnerabilities / Secrets array read as "nothing detected".
describe('Trivy JSON: renamed or unknown keys that may hold findings', () => {
  const vuln = { VulnerabilityID: 'CVE-2024-0001', PkgName: 'openssl', InstalledVersion: '1.0', Severity: 'HIGH' }
  const report = (body: Record<string, unknown>): string => JSON.stringify({ SchemaVersion: 2, ArtifactName: '.', ArtifactType: 'filesystem', ...body })

  it('a renamed Results is an error naming the key', () => {
    expect(parseError(report({ Resultz: [{ Target: 'x', Vulnerabilities: [vuln] }] }), 'trivy.json')).toMatch(
      /^trivy\.json: unknown key "Resultz" at the top level \(renamed or unsupported Trivy output\?\)/
    )
    expect(parseError(report({ Summary: { Vulnerabilities: 3 } }), 'trivy.json')).toMatch(/unknown key "Summary" at the top level/)
    // k8s keys only count in a k8s report.
    expect(parseError(report({ Results: [], Vulnerabilities: [vuln] }), 'trivy.json')).toMatch(/unknown key "Vulnerabilities" at the top level/)
  })

  it('a renamed findings array inside a Result is an error naming the Result', () => {
    expect(parseError(report({ Results: [{ Target: 'x', Vulnerabilitiez: [vuln] }] }))).toMatch(/Results\[0\]: unknown key "Vulnerabilitiez" at the Result level/)
    expect(parseError(report({ Results: [{ Target: 'x', Class: 'secret', SecretsRenamed: [{ RuleID: 'aws', Severity: 'CRITICAL' }] }] }))).toMatch(
      /Results\[0\]: unknown key "SecretsRenamed"/
    )
    // Pre-0.20 arrays and trivy k8s Resources are Results too.
    expect(parseError(JSON.stringify([{ Target: 'x', Vulns: [vuln] }]), 'trivy.json')).toMatch(/\[0\]: unknown key "Vulns" at the Result level/)
    expect(parseError(JSON.stringify({ ClusterName: 'c', ResourcesRenamed: [{ Kind: 'Pod', Results: [] }] }))).toMatch(/unknown key "ResourcesRenamed" at the top level/)
    expect(parseError(JSON.stringify({ ClusterName: 'c', Resources: [{ Kind: 'Pod', ResultsRenamed: [{ Target: 'x' }] }] }))).toMatch(
      /Resources\[0\]: unknown key "ResultsRenamed"/
    )
  })

  it('trivy k8s --report summary writes Findings[] (the resources, merged): read like Resources[]', () => {
    const misconf = { ID: 'KSV-0001', Title: 't', Severity: 'MEDIUM', Status: 'FAIL', CauseMetadata: { StartLine: 3 } }
    const text = JSON.stringify({ ClusterName: 'c', Findings: [{ Namespace: 'shop', Kind: 'Deployment', Name: 'api', Results: [{ Target: 'Deployment/api', Misconfigurations: [misconf] }] }] })
    expect(parseReport(text, 'trivy-k8s.json').findings.map(f => [f.ruleId, f.path, f.line])).toEqual([['KSV-0001', 'shop/Deployment/api: Deployment/api', 3]])
    expect(parseError(JSON.stringify({ ClusterName: 'c', Findings: [{ Kind: 'Pod', Resultz: [{ Target: 'x' }] }] }))).toMatch(/Findings\[0\]: unknown key "Resultz" at the resource level/)
  })

  it('every key Trivy writes is accepted; unknown scalars and empty containers cannot hide findings', () => {
    const full = report({
      Trivy: { Version: '0.58.0' },
      ReportID: 'r',
      CreatedAt: '2026-01-01T00:00:00Z',
      ArtifactID: 'sha256:1',
      Metadata: { OS: { Family: 'alpine' } },
      FutureScalar: 1,
      FutureEmpty: [],
      Results: [
        {
          Target: 'x',
          Class: 'os-pkgs',
          Type: 'alpine',
          Packages: [{ Name: 'openssl' }],
          Vulnerabilities: [vuln],
          MisconfSummary: { Successes: 1, Failures: 0 },
          Misconfigurations: [],
          Secrets: [],
          Licenses: [],
          CustomResources: [{ Type: 'x' }],
          ExperimentalModifiedFindings: [{ Type: 'vulnerability' }],
          Note: 'scalar',
          Other: []
        }
      ]
    })
    expect(parseReport(full, 'trivy.json').findings.map(f => f.ruleId)).toEqual(['CVE-2024-0001'])
  })
})

describe('Trivy Result.Target', () => {
  it('a Target that is not a string is a damaged report, even with no findings', () => {
    const text = JSON.stringify({ SchemaVersion: 2, Results: [{ Target: { path: 'x' }, Class: 'os-pkgs', Type: 'debian' }] })
    expect(() => parseReport(text, 'trivy.json')).toThrow(/Target must be a string/)
  })
})
