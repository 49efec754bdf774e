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
