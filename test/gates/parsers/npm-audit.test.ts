import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { ownFixture, parseError, parseOwn, severityCounts } from './helpers.js'

describe('npm audit', () => {
  it('v2: one finding per package per advisory; packages vulnerable only through others add none', () => {
    // By reading the file: semver has 2 advisory objects (moderate, high), make-dir only via "semver" (no finding),
    // tar 1 advisory (critical).
    const report = parseOwn('npm-audit/v2-advisories.json')
    expect(report).toMatchObject({ tool: 'npm-audit', format: 'npm-audit-json' })
    expect(severityCounts(report.findings)).toEqual({ medium: 1, high: 1, critical: 1 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'GHSA-c2qf-rxjj-qqgw',
      kind: 'vulnerability',
      path: 'package-lock.json',
      line: 1,
      fixAvailable: true,
      helpUri: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
      properties: { package: 'semver', vulnerableRange: '>=7.0.0 <7.5.2', node: 'node_modules/semver', cvss: 5.3, isDirect: false }
    })
    expect(report.findings[0]?.fingerprint).not.toBe(report.findings[1]?.fingerprint)
    expect(report.findings[2]).toMatchObject({ ruleId: 'GHSA-r628-mhmh-qjhw', fixAvailable: false })
  })

  it('v1 (npm 6): one finding per advisory per installed version', () => {
    // By reading the file: advisory 1179 with findings for versions 0.0.8 and 1.2.0.
    const report = parseOwn('npm-audit/v1-two-versions.json')
    expect(severityCounts(report.findings)).toEqual({ low: 2 })
    expect(report.findings.map(f => f.properties?.installedVersion)).toEqual(['0.0.8', '1.2.0'])
    expect(report.findings[0]).toMatchObject({ ruleId: 'CVE-2020-7598', fixAvailable: true, helpUri: 'https://npmjs.com/advisories/1179' })
  })

  it('clean', () => {
    expect(parseOwn('npm-audit/v2-clean.json').findings).toEqual([])
    expect(parseReport('{"actions": [], "advisories": {}, "muted": [], "metadata": {}}', 'audit.json')).toMatchObject({ format: 'npm-audit-json', findings: [] })
  })

  it('fails closed on npm errors and wrong types', () => {
    expect(parseError(JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'no audit endpoint', detail: '' } }), 'audit.json')).toMatch(
      /audit\.json: npm audit reported an error instead of results: no audit endpoint/
    )
    expect(parseError(ownFixture('npm-audit/error-enoaudit.json'), 'npm-audit.json')).toMatch(
      /^npm-audit\.json: npm audit reported an error instead of results: Your configured registry/
    )
    expect(parseError('{"auditReportVersion": 2, "vulnerabilities": []}')).toMatch(/vulnerabilities is an array, expected an object/)
    expect(parseError('{"auditReportVersion": 3, "vulnerabilities": {}}')).toMatch(/unsupported npm auditReportVersion 3/)
    expect(parseError('{"auditReportVersion": 2}')).toMatch(/"vulnerabilities" is missing/)
    expect(parseError('{"auditReportVersion": 2, "vulnerabilities": {"a": {"via": [{"url": "https://github.com/advisories/GHSA-x", "severity": "severe"}]}}}')).toMatch(
      /severity "severe" is not an npm audit severity/
    )
  })
})

// Regression (hardening corpus): a v2 entry rated high with no `via` produced no finding.
describe('npm audit v2: entries that name no advisory', () => {
  const audit = (vulnerabilities: Record<string, unknown>): string => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} })

  it('an entry above info without a usable via still yields one finding for the package', () => {
    for (const via of [undefined, null, []]) {
      const entry: Record<string, unknown> = { name: 'debug', severity: 'high', range: '<2.6.9', nodes: ['node_modules/debug'], fixAvailable: true }
      if (via !== undefined) entry.via = via
      const report = parseReport(audit({ debug: entry }), 'npm-audit.json')
      expect(report.findings, JSON.stringify(via)).toHaveLength(1)
      expect(report.findings[0]).toMatchObject({ ruleId: 'npm-vulnerable-package', severity: 'high', path: 'package-lock.json', properties: { package: 'debug' } })
    }
  })

  it('a via naming only a package without its own entry (or itself) still yields a finding', () => {
    const report = parseReport(audit({ app: { name: 'app', severity: 'moderate', via: ['ghost', 'app'] } }), 'npm-audit.json')
    expect(report.findings.map(f => [f.ruleId, f.severity])).toEqual([['npm-vulnerable-package', 'medium']])
  })

  it('a via naming another entry adds nothing of its own (that entry carries the advisory)', () => {
    const report = parseReport(
      audit({
        app: { name: 'app', severity: 'high', via: ['debug'] },
        debug: { name: 'debug', severity: 'high', via: [{ source: 1, url: 'https://github.com/advisories/GHSA-aaaa', title: 't', severity: 'high' }] }
      }),
      'npm-audit.json'
    )
    expect(report.findings.map(f => f.ruleId)).toEqual(['GHSA-aaaa'])
  })

  it('info entries without via stay clean; a wrong via type or a missing severity is an error', () => {
    expect(parseReport(audit({ x: { name: 'x', severity: 'info' } }), 'npm-audit.json').findings).toEqual([])
    expect(parseError(audit({ x: { name: 'x', severity: 'high', via: 'debug' } }), 'npm-audit.json')).toMatch(/vulnerabilities\["x"\]\.via is a string, expected an array/)
    expect(parseError(audit({ x: { name: 'x', severity: 'high', via: { a: 1 } } }), 'npm-audit.json')).toMatch(/\.via is an object, expected an array/)
    expect(parseError(audit({ x: { name: 'x', viaRenamed: [] } }), 'npm-audit.json')).toMatch(/vulnerabilities\["x"\]\.severity is missing, expected a string/)
  })
})
