import { describe, expect, it } from 'vitest'
import { candidateFormats, describeShape, detectFormat, looksLikeGitleaksCsv } from '../../../src/gates/detect.js'
import { parseReport } from '../../../src/gates/parse.js'
import { parseError } from './helpers.js'

describe('detectFormat', () => {
  it('recognises each format by its keys', () => {
    expect(detectFormat({ SchemaVersion: 2, Results: [] })).toBe('trivy-json')
    expect(detectFormat({ ArtifactName: 'x', ArtifactType: 'container_image' })).toBe('trivy-json')
    expect(detectFormat({ ClusterName: 'c', Resources: [] })).toBe('trivy-json')
    expect(detectFormat([{ Target: 'x', Vulnerabilities: [] }])).toBe('trivy-json')
    expect(detectFormat([{ RuleID: 'r', File: 'f' }])).toBe('gitleaks-json')
    expect(detectFormat([{ rule: 'AWS', offender: 'x', file: 'f' }])).toBe('gitleaks-json')
    expect(detectFormat({ results: [{ check_id: 'a' }], errors: [] })).toBe('semgrep-json')
    expect(detectFormat({ results: [{ rule_id: 'AVD-1', location: {} }] })).toBe('tfsec-json')
    expect(detectFormat({ check_type: 'terraform', results: {} })).toBe('checkov-json')
    expect(detectFormat([{ check_type: 'terraform', results: {} }])).toBe('checkov-json')
    expect(detectFormat({ passed: 0, failed: 0, skipped: 0, parsingerrors: 0, resourcecount: 0, checkov_version: '2' })).toBe('checkov-json')
    expect(detectFormat({ auditReportVersion: 2, vulnerabilities: {} })).toBe('npm-audit-json')
    expect(detectFormat({ advisories: {}, actions: [], muted: [] })).toBe('npm-audit-json')
    expect(detectFormat({ error: { code: 'ENOAUDIT', summary: 's' } })).toBe('npm-audit-json')
    expect(detectFormat({ version: '2.1.0', runs: [] })).toBe('sarif')
    expect(detectFormat({ version: '1.0.0', runs: [] })).toBe('sarif')
  })

  it('has no answer for unknown shapes', () => {
    expect(detectFormat({ foo: 1 })).toBeUndefined()
    expect(detectFormat([{ id: 1 }])).toBeUndefined()
    expect(detectFormat(3)).toBeUndefined()
    expect(detectFormat({ results: { other: [] } })).toBeUndefined()
  })

  it('lists every parser that accepts a shared clean shape', () => {
    expect(candidateFormats(null)).toEqual(['gitleaks-json', 'trivy-json'])
    expect(candidateFormats([], 'reports/trivy/clean.json')).toEqual(['trivy-json', 'gitleaks-json', 'checkov-json'])
    expect(candidateFormats({ results: null })).toEqual(['tfsec-json', 'semgrep-json'])
    expect(candidateFormats({ results: null }, 'semgrep-out.json')).toEqual(['semgrep-json', 'tfsec-json'])
  })

  it('gitleaks CSV header and shape descriptions', () => {
    expect(looksLikeGitleaksCsv('RuleID,Commit,File\n')).toBe(true)
    expect(looksLikeGitleaksCsv('name,RuleID,File')).toBe(false)
    expect(looksLikeGitleaksCsv('{"RuleID,": 1}')).toBe(false)
    expect(describeShape({ a: 1, b: 2 })).toBe('an object with keys "a", "b"')
    expect(describeShape(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])))).toMatch(/… \(10 keys\)$/)
  })
})

// Regression (hardening corpus): `null` in a file named *.sarif was read as a clean gitleaks/Trivy report.
describe('a .sarif file must hold SARIF', () => {
  it('has no candidate but sarif for a .sarif name', () => {
    expect(candidateFormats(null, 'reports/codeql.sarif')).toEqual([])
    expect(candidateFormats(null, 'out/tfsec.sarif.json')).toEqual([])
    expect(candidateFormats([], 'trivy.sarif')).toEqual([])
    expect(candidateFormats({ version: '2.1.0', runs: [] }, 'x.SARIF')).toEqual(['sarif'])
    // Files named for a tool keep the documented clean `null`.
    expect(candidateFormats(null, 'trivy-results.json')).toEqual(['trivy-json', 'gitleaks-json'])
    expect(candidateFormats(null, 'gitleaks.json')).toEqual(['gitleaks-json', 'trivy-json'])
  })

  it('null, [] or another report in a .sarif is an error naming the file', () => {
    expect(parseError('null\n', 'reports/codeql.sarif')).toMatch(/^reports\/codeql\.sarif: a \.sarif file must hold a SARIF 2\.1\.0 log .*this one holds a JSON null/)
    expect(parseError('[]', 'trivy.sarif')).toMatch(/a \.sarif file must hold a SARIF 2\.1\.0 log/)
    expect(parseError('{"SchemaVersion": 2, "Results": []}', 'trivy.sarif')).toMatch(/must hold a SARIF 2\.1\.0 log .*an object with keys "SchemaVersion", "Results"/)
    expect(parseError('null', 'x.sarif', { format: 'trivy-json' })).toMatch(/format trivy-json was given, but the content has no known report shape/)
    expect(parseReport('null', 'trivy-results.json').findings).toEqual([])
  })
})

