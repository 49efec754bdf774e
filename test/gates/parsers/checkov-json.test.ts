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

// Regression (hardening corpus): renaming results.failed_checks turned a failing report into a pass.
describe('checkov JSON: renamed or unknown keys under results', () => {
  const failed = [{ check_id: 'CKV_AWS_20', check_name: 'S3 ACL', file_path: '/main.tf', file_line_range: [1, 4], resource: 'aws_s3_bucket.b', severity: 'HIGH' }]

  it('an unknown key holding checks is an error', () => {
    const text = JSON.stringify({ check_type: 'terraform', results: { passed_checks: [], failed_checksRenamed: failed, skipped_checks: [], parsing_errors: [] } })
    expect(parseError(text, 'checkov.json')).toMatch(/^checkov\.json: \.results has an unknown key "failed_checksRenamed" holding a list \(renamed or unsupported checkov output\?\)/)
    // In a multi-framework array the report index is named.
    expect(parseError(JSON.stringify([{ check_type: 'terraform', results: { passed_checks: [] } }, { check_type: 'k8s', results: { failed: failed } }]), 'checkov.json')).toMatch(
      /\[1\]\.results has an unknown key "failed"/
    )
  })

  it('results with none of the known lists is an error', () => {
    expect(parseError('{"check_type": "terraform", "results": {}}', 'checkov.json')).toMatch(/\.results has none of passed_checks, failed_checks, skipped_checks, parsing_errors/)
    expect(parseError('{"check_type": "terraform", "results": {"failed_checksRenamed": []}}', 'checkov.json')).toMatch(/has none of passed_checks/)
  })

  it('known lists and unknown non-list keys are accepted', () => {
    const text = JSON.stringify({ check_type: 'terraform', results: { failed_checks: failed, resource_count: 3, extra: [] } })
    expect(parseReport(text, 'checkov.json').findings.map(f => f.ruleId)).toEqual(['CKV_AWS_20'])
  })
})
