import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { parseError, parseOwn, severityCounts } from './helpers.js'

describe('checkov JSON', () => {
  it('terraform.json: failed checks only, null severity → high, skipped are suppressions', () => {
    // By reading the file: failed_checks ×2 (severity null, LOW), passed ×1, skipped ×1.
    const report = parseOwn('checkov/terraform.json')
    expect(report).toMatchObject({ tool: 'checkov', format: 'checkov-json', suppressed: 1 })
    expect(severityCounts(report.findings)).toEqual({ high: 1, low: 1 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'CKV_AWS_18',
      path: 'infra/s3.tf',
      line: 1,
      endLine: 9,
      kind: 'misconfiguration',
      helpUri: 'https://docs.prismacloud.io/en/enterprise-edition/policy-reference/aws-policies/s3-policies/s3-13-enable-logging',
      properties: { resource: 'aws_s3_bucket.logs', checkType: 'terraform', bcCheckId: 'BC_AWS_S3_13' }
    })
  })

  it('two-frameworks.json: array of reports; SCA checks become vulnerabilities', () => {
    // By reading the file: 2 reports, 1 failed check each (MEDIUM dockerfile, HIGH sca_package).
    const report = parseOwn('checkov/two-frameworks.json')
    expect(severityCounts(report.findings)).toEqual({ medium: 1, high: 1 })
    expect(report.findings[0]).toMatchObject({ ruleId: 'CKV_DOCKER_2', path: 'Dockerfile', line: 1 })
    expect(report.findings[1]).toMatchObject({
      ruleId: 'CVE-2022-25883',
      kind: 'vulnerability',
      fixAvailable: true,
      properties: { package: 'semver', installedVersion: '7.3.5', fixedVersion: '7.5.2', cvss: 7.5 }
    })
  })

  it('clean: bare summary, empty array, report without failed checks', () => {
    expect(parseOwn('checkov/nothing-scanned.json')).toMatchObject({ tool: 'checkov', format: 'checkov-json', findings: [] })
    expect(parseReport('[]', 'checkov.json')).toMatchObject({ format: 'checkov-json', findings: [] })
    expect(parseReport('{"check_type": "terraform", "results": {"passed_checks": []}, "summary": {"passed": 0, "failed": 0}}', 'c.json').findings).toEqual([])
  })

  it('fails closed: a summary that counts failures it does not list, wrong types', () => {
    expect(parseError('{"passed": 1, "failed": 2, "skipped": 0, "parsingerrors": 0, "resourcecount": 1, "checkov_version": "3"}')).toMatch(
      /summary counts 2 failed checks but the report lists none/
    )
    expect(parseError('{"check_type": "terraform", "results": {"failed_checks": {"a": 1}}}')).toMatch(/results\.failed_checks is an object, expected an array/)
    expect(parseError('{"check_type": "terraform", "results": {"failed_checks": [{"check_id": "C", "severity": "EXTREME"}]}}')).toMatch(
      /severity "EXTREME" is not a checkov severity/
    )
    expect(parseError('{"check_type": "terraform", "results": {"failed_checks": [{"check_id": "C", "check_result": {"result": "PASSED"}}]}}')).toMatch(
      /check_result\.result is "PASSED" in failed_checks/
    )
  })
})
