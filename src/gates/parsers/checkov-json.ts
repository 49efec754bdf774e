/**
 * checkov `-o json`: one framework gives an object {check_type, results,
 * summary}, several give an array of them, nothing scanned gives a bare
 * summary. One finding per `results.failed_checks[]` entry (the arrays are
 * counted, not the summary, which edited reports let drift); skipped checks
 * are the tool's own suppressions. OSS checkov writes severity null: mapped
 * to high, as checkov's own SARIF writer makes a failed check level error.
 */
import { sourcesOf, type Finding } from '../../core/finding.js'
import { mapSeverity } from '../../core/severity-map.js'
import { FingerprintSet, elementObj, fail, isObj, lineNumber, optArray, optObj, reqStr, str, type Obj, cleanPath } from './fields.js'
import { advisoryUrl, type ParserOutput } from './types.js'

const CHECKOV_DOCS = 'https://www.checkov.io/5.Policy%20Index/all.html'

export function parseCheckovJson(doc: unknown): ParserOutput {
  const findings: Finding[] = []
  const fingerprints = new FingerprintSet()
  let suppressed = 0
  const reports: Obj[] = []
  if (Array.isArray(doc)) {
    for (let i = 0; i < doc.length; i++) reports.push(elementObj(doc, i, ''))
  } else if (isObj(doc)) {
    reports.push(doc)
  } else {
    fail('a checkov JSON report must be an object or an array of objects')
  }
  for (let r = 0; r < reports.length; r++) {
    const report = reports[r] as Obj
    const where = Array.isArray(doc) ? `[${r}]` : ''
    const results = optObj(report, 'results', where || '.')
    if (!results) {
      checkBareSummary(report, where)
      continue
    }
    checkResultKeys(results, `${where}.results`)
    const checkType = str(report, 'check_type') ?? ''
    suppressed += optArray(results, 'skipped_checks', `${where}.results`)?.length ?? 0
    const failed = optArray(results, 'failed_checks', `${where}.results`)
    if (!failed) continue
    for (let i = 0; i < failed.length; i++) {
      const at = `${where}.results.failed_checks[${i}]`
      findings.push(toFinding(elementObj(failed, i, `${where}.results.failed_checks`), at, checkType, fingerprints))
    }
  }
  return { tool: 'checkov', findings, suppressed }
}

/** The keys checkov's Report.get_dict writes under `results` (checkov/common/output/report.py). */
const RESULT_KEYS: ReadonlySet<string> = new Set(['passed_checks', 'failed_checks', 'skipped_checks', 'parsing_errors'])

/**
 * `results` must be checkov's: a renamed or unknown list of checks would
 * otherwise hide failed checks and turn a failing report into a pass.
 */
function checkResultKeys(results: Obj, where: string): void {
  const keys = Object.keys(results)
  for (const key of keys) {
    if (RESULT_KEYS.has(key)) continue
    const value = results[key]
    if (Array.isArray(value) && value.length > 0) {
      fail(`${where} has an unknown key ${JSON.stringify(key)} holding a list (renamed or unsupported checkov output?); expected ${[...RESULT_KEYS].join(', ')}`)
    }
  }
  if (!keys.some(key => RESULT_KEYS.has(key))) {
    fail(`${where} has none of ${[...RESULT_KEYS].join(', ')} (renamed or unsupported checkov output?)`)
  }
}

/** A report without `results` must be checkov's bare "nothing scanned" summary that counts no failures. */
function checkBareSummary(report: Obj, where: string): void {
  const summary = isObj(report.summary) ? report.summary : report
  if (!('passed' in summary) || !('failed' in summary)) {
    fail(`${where || 'report'} has neither "results" nor a checkov summary`)
  }
  const failedCount = summary.failed
  if (typeof failedCount !== 'number') fail(`${where || 'summary'}.failed is not a number`)
  if (failedCount > 0) fail(`the checkov summary counts ${failedCount} failed checks but the report lists none`)
}

function toFinding(check: Obj, where: string, checkType: string, fingerprints: FingerprintSet): Finding {
  const checkId = reqStr(check, 'check_id', where)
  const result = optObj(check, 'check_result', where)
  const outcome = str(result, 'result')
  if (outcome !== undefined && outcome !== 'FAILED') fail(`${where}.check_result.result is ${JSON.stringify(outcome)} in failed_checks`)
  const rawPath = str(check, 'repo_file_path') || str(check, 'file_path') || ''
  // checkov paths start with "/" and are relative to the scan root.
  const path = cleanPath(rawPath.startsWith('/') ? rawPath.slice(1) : rawPath)
  const range = check.file_line_range
  const line = Array.isArray(range) ? lineNumber(range[0]) ?? 1 : 1
  const endLine = Array.isArray(range) ? lineNumber(range[1]) : undefined
  const word = check.severity
  const severity =
    word === null || word === undefined ? mapSeverity('checkov', 'null') : typeof word === 'string' ? mapSeverity('checkov', word) : undefined
  if (!severity) fail(`${where}.severity ${JSON.stringify(word)} is not a checkov severity`)
  const resource = str(check, 'resource') ?? ''
  const properties: Record<string, string | number | boolean> = {}
  if (resource) properties.resource = resource
  if (checkType) properties.checkType = checkType
  const bcId = str(check, 'bc_check_id')
  if (bcId) properties.bcCheckId = bcId

  // SCA checks (check_type sca_package/sca_image) carry the advisory in vulnerability_details.
  const vuln = isObj(check.vulnerability_details) ? check.vulnerability_details : undefined
  const advisory = vuln ? str(vuln, 'id') : undefined
  if (vuln && advisory) {
    const pkg = str(vuln, 'package_name') ?? ''
    const installed = str(vuln, 'package_version') ?? ''
    const fixed = str(vuln, 'fixed_version') ?? ''
    properties.package = pkg
    properties.installedVersion = installed
    if (fixed) properties.fixedVersion = fixed
    const cvss = vuln.cvss
    if (typeof cvss === 'number') properties.cvss = cvss
    return {
      source: 'checkov',
      sources: sourcesOf('checkov'),
      ruleId: advisory,
      ruleName: checkId,
      severity,
      title: str(check, 'check_name') || advisory,
      message: `${pkg}${installed ? ` ${installed}` : ''} is affected by ${advisory}`,
      path,
      line,
      endLine,
      column: undefined,
      fingerprint: fingerprints.same('vulnerability', advisory, pkg, installed, path),
      helpUri: str(vuln, 'link') || advisoryUrl(advisory) || CHECKOV_DOCS,
      kind: 'vulnerability',
      fix: fixed ? `Upgrade ${pkg} to ${fixed}` : undefined,
      fixAvailable: fixed !== '' && fixed !== 'N/A',
      properties
    }
  }
  const name = str(check, 'check_name') || checkId
  return {
    source: 'checkov',
    sources: sourcesOf('checkov'),
    ruleId: checkId,
    ruleName: checkId,
    severity,
    title: name,
    message: resource ? `${name} (${resource})` : name,
    path,
    line,
    endLine,
    column: undefined,
    fingerprint: fingerprints.of('misconfiguration', checkId, path, resource),
    helpUri: str(check, 'guideline') || CHECKOV_DOCS,
    kind: 'misconfiguration',
    fix: undefined,
    fixAvailable: undefined,
    properties
  }
}
