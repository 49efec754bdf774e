import { describe, expect, it } from 'vitest'
import { InputFileError } from '../../../src/core/errors.js'
import { REPORT_FORMATS, parseReport, type ReportFormat } from '../../../src/gates/parse.js'
import { ownFixture, parseError, parseOwn } from './helpers.js'

describe('parseReport: fail closed', () => {
  it('throws InputFileError naming the file', () => {
    expect(() => parseReport('', 'reports/trivy.json')).toThrow(InputFileError)
    expect(parseError('', 'reports/trivy.json')).toBe('reports/trivy.json: the report is empty')
    expect(parseError(' \n\t\n', 'a.json')).toBe('a.json: the report is empty')
    expect(parseError('\ufeff', 'a.json')).toBe('a.json: the report is empty')
  })

  it('truncated JSON names line and column', () => {
    const text = ownFixture('trivy/image-two-packages.json')
    const cut = text.slice(0, text.indexOf('"PkgName": "openssl"') + 14)
    const lines = cut.split('\n')
    expect(parseError(cut, 'trivy.json')).toBe(
      `trivy.json: invalid JSON at line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}: unterminated string (is the file truncated?)`
    )
    expect(parseError('{"results": [', 'r.json')).toBe('r.json: invalid JSON at line 1, column 14: unexpected end of input (is the file truncated?)')
  })

  it('invalid JSON names line and column of the fault', () => {
    expect(parseError('{\n  "results": [1,]\n}', 'r.json')).toBe("r.json: invalid JSON at line 2, column 17: unexpected ']' where a value should start")
    expect(parseError('{"a": 1}\n{"b": 2}', 'r.json')).toBe("r.json: invalid JSON at line 2, column 1: unexpected '{' after the end of the JSON document")
    expect(parseError("{'a': 1}", 'r.json')).toMatch(/line 1, column 2: expected a property name in double quotes/)
  })

  it('a .sarif file holding text output', () => {
    expect(parseError(ownFixture('sarif/checkov-text-output.sarif'), 'reports/checkov-results.sarif')).toMatch(
      /^reports\/checkov-results\.sarif: a \.sarif file that holds text output, not SARIF JSON: it starts with "checkov 3\.2\.300" \(invalid JSON at line 1, column 1/
    )
  })

  it('JSON of no known shape', () => {
    expect(parseError('{"hello": "world", "n": 1}', 'x.json')).toBe('x.json: JSON of no known report shape: an object with keys "hello", "n"')
    expect(parseError('[1, 2]', 'x.json')).toBe('x.json: JSON of no known report shape: an array of number')
    expect(parseError('[{"id": 1}]', 'x.json')).toMatch(/no known report shape: an array of objects with keys "id"/)
    expect(parseError('42', 'x.json')).toBe('x.json: JSON of no known report shape: a JSON number')
    expect(parseError('"text"', 'x.json')).toBe('x.json: JSON of no known report shape: a JSON string')
  })

  it('an explicit format must match the content', () => {
    expect(parseError(ownFixture('semgrep/clean.json'), 'x.json', { format: 'trivy-json' })).toBe(
      'x.json: format trivy-json was given, but the content looks like semgrep-json'
    )
    expect(parseError('{"hello": 1}', 'x.json', { format: 'semgrep-json' })).toMatch(/format semgrep-json was given, but the content has no known report shape/)
    expect(parseError(ownFixture('sarif/hadolint.sarif'), 'x.json', { format: 'checkov-json' })).toMatch(/looks like sarif/)
    expect(parseError('{}', 'x.json', { format: 'bogus' as ReportFormat })).toMatch(/unknown report format "bogus"/)
  })

  it('an explicit format resolves shared clean shapes', () => {
    expect(parseReport('null', 'x.json', { format: 'trivy-json' })).toMatchObject({ tool: 'trivy', format: 'trivy-json', findings: [] })
    expect(parseReport('null', 'x.json', { format: 'gitleaks-json' })).toMatchObject({ tool: 'gitleaks', findings: [] })
    expect(parseReport('{"results": null}', 'x.json', { format: 'semgrep-json' })).toMatchObject({ tool: 'semgrep', findings: [] })
    expect(parseReport('[]', 'x.json', { format: 'checkov-json' })).toMatchObject({ tool: 'checkov', findings: [] })
  })
})

describe('parseReport: detection from content', () => {
  const cases: Array<[string, ReportFormat, string]> = [
    ['trivy/image-two-packages.json', 'trivy-json', 'trivy'],
    ['trivy/legacy-pre-0.20.json', 'trivy-json', 'trivy'],
    ['trivy/k8s-resources.json', 'trivy-json', 'trivy'],
    ['trivy/legacy-clean-null.json', 'trivy-json', 'trivy'],
    ['gitleaks/v8-two-leaks.json', 'gitleaks-json', 'gitleaks'],
    ['gitleaks/v7-one-leak.json', 'gitleaks-json', 'gitleaks'],
    ['gitleaks/v8-clean.json', 'gitleaks-json', 'gitleaks'],
    ['gitleaks/v8-quoted.csv', 'gitleaks-csv', 'gitleaks'],
    ['semgrep/mixed-severities.json', 'semgrep-json', 'semgrep'],
    ['semgrep/clean.json', 'semgrep-json', 'semgrep'],
    ['tfsec/v1-statuses.json', 'tfsec-json', 'tfsec'],
    ['tfsec/clean-null.json', 'tfsec-json', 'tfsec'],
    ['checkov/terraform.json', 'checkov-json', 'checkov'],
    ['checkov/two-frameworks.json', 'checkov-json', 'checkov'],
    ['checkov/nothing-scanned.json', 'checkov-json', 'checkov'],
    ['npm-audit/v2-advisories.json', 'npm-audit-json', 'npm-audit'],
    ['npm-audit/v1-two-versions.json', 'npm-audit-json', 'npm-audit'],
    ['sarif/hadolint.sarif', 'sarif', 'hadolint'],
    ['tfsec/defsec.sarif.json', 'sarif', 'tfsec'],
    ['checkov/results.sarif', 'sarif', 'checkov']
  ]
  for (const [file, format, tool] of cases) {
    it(`${file} → ${format}`, () => {
      expect(parseOwn(file)).toMatchObject({ format, tool })
    })
  }

  it('every format is detected by at least one fixture', () => {
    expect(new Set(cases.map(c => c[1]))).toEqual(new Set(REPORT_FORMATS))
  })

  it('ambiguous clean shapes follow a tool name in the path, else a fixed default', () => {
    expect(parseReport('null', 'out/trivy-results.json').tool).toBe('trivy')
    expect(parseReport('null', 'out/leaks.json').tool).toBe('gitleaks')
    expect(parseReport('[]', 'out/checkov.json').tool).toBe('checkov')
    expect(parseReport('{"results": null}', 'semgrep.json').tool).toBe('semgrep')
    expect(parseReport('{"results": null}', 'out.json').tool).toBe('tfsec')
  })

  it('a UTF-8 BOM is ignored', () => {
    expect(parseReport(`\ufeff${ownFixture('tfsec/v1-statuses.json')}`, 't.json').findings).toHaveLength(2)
  })
})

describe('parseReport: untrusted keys stay inert', () => {
  it('__proto__ and constructor keys neither pollute nor confuse', () => {
    // Unknown top-level keys holding objects are refused (a renamed Results must not read as clean), and pollute nothing.
    expect(parseError('{"SchemaVersion": 2, "__proto__": {"polluted": true}, "Results": []}', 'x.json')).toMatch(/unknown key "__proto__" at the top level/)
    expect(parseError('{"SchemaVersion": 2, "constructor": {"prototype": {"polluted": true}}}', 'x.json')).toMatch(/unknown key "constructor" at the top level/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const text = `{"SchemaVersion": 2, "constructor": 1,
      "Results": [{"Target": "x", "__proto__": {"Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "HIGH"}]},
      "Vulnerabilities": [{"VulnerabilityID": "CVE-2", "PkgName": "q", "Severity": "LOW", "SeveritySource": "__proto__", "CVSS": {"__proto__": {"V3Score": 10}}}]}]}`
    const report = parseReport(text, 'x.json')
    expect(report.findings.map(f => f.ruleId)).toEqual(['CVE-2'])
    // An own "__proto__" key is plain data (JSON.parse makes it an own property): read as written, nothing inherited.
    expect(report.findings[0]?.properties?.cvss).toBe(10)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // A Result whose only "Vulnerabilities" sits under __proto__ has none of its own.
    const hidden = '{"SchemaVersion": 2, "Results": [{"Target": "x", "__proto__": {"Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "HIGH"}]}}]}'
    expect(parseReport(hidden, 'x.json').findings).toEqual([])
    const npm = parseReport(
      '{"auditReportVersion": 2, "vulnerabilities": {"__proto__": {"name": "evil", "severity": "high", "via": [{"source": 1, "url": "https://github.com/advisories/GHSA-1", "severity": "high"}]}}}',
      'a.json'
    )
    expect(npm.findings.map(f => f.properties?.package)).toEqual(['evil'])
    expect(({} as Record<string, unknown>).name).toBeUndefined()
  })
})
