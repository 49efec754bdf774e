import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/gates/parse.js'
import { parseError, parseOwn, severityCounts } from './helpers.js'

describe('tfsec JSON', () => {
  it('v1-statuses.json: status 0 is a finding, 1 passed, 2 ignored', () => {
    // By reading the file: 4 results, status 0 (HIGH), 1 (passed), 2 (ignored), 0 (LOW).
    const report = parseOwn('tfsec/v1-statuses.json')
    expect(report).toMatchObject({ tool: 'tfsec', format: 'tfsec-json', suppressed: 1 })
    expect(severityCounts(report.findings)).toEqual({ high: 1, low: 1 })
    expect(report.findings[0]).toMatchObject({
      ruleId: 'aws-s3-block-public-acls',
      title: 'S3 Access block should block public ACL',
      path: 'infra/s3.tf',
      line: 1,
      endLine: 4,
      kind: 'misconfiguration',
      fix: 'Enable blocking any PUT calls with a public ACL specified',
      helpUri: 'https://aquasecurity.github.io/tfsec/v1.28.1/checks/aws/s3/block-public-acls/',
      properties: { avdId: 'AVD-AWS-0086', resource: 'aws_s3_bucket.logs' }
    })
  })

  it('legacy link text yields the URL inside it', () => {
    const text = '{"results": [{"rule_id": "GCP008", "link": "See https://tfsec.dev/docs/google/GCP008/ for more information.", "severity": "ERROR", "passed": true, "location": {"filename": "a.tf", "start_line": 2, "end_line": 3}}]}'
    const [f] = parseReport(text, 'tfsec.json').findings
    expect(f).toMatchObject({ ruleId: 'GCP008', severity: 'high', helpUri: 'https://tfsec.dev/docs/google/GCP008/' })
  })

  it('clean: {"results": null}', () => {
    expect(parseOwn('tfsec/clean-null.json')).toMatchObject({ tool: 'tfsec', format: 'tfsec-json', findings: [] })
  })

  it('fails closed on wrong types', () => {
    expect(parseError('{"results": "none"}')).toMatch(/results is a string, expected an array/)
    expect(parseError('{"results": [{"rule_id": "A", "severity": "HIGH"}]}')).toMatch(/results\[0\]\.location is missing/)
    expect(parseError('{"results": [{"rule_id": "A", "severity": "HIGH", "status": "weird", "location": {"filename": "a"}}]}')).toMatch(/status "weird"/)
  })
})
