/**
 * tfsec `--format json`: v1.x (integer status), 0.5x/0.6x (string status,
 * legacy_rule_id) and ≤0.3x (ERROR/WARNING/INFO). `{"results": null}` is
 * clean. Passed entries (status 1 / "passed", from --include-passed) are not
 * findings; ignored ones (status 2 / "ignored") are the tool's suppressions.
 * The legacy boolean `passed` is not trusted (reported findings carry true).
 */
import { sourcesOf, type Finding } from '../../core/finding.js'
import { mapSeverity } from '../../core/severity-map.js'
import { FingerprintSet, elementObj, fail, isObj, lineNumber, optArray, optObj, reqStr, str, cleanPath } from './fields.js'
import type { ParserOutput } from './types.js'

const URL_IN_TEXT = /https?:\/\/[^\s)"']+/

export function parseTfsecJson(doc: unknown): ParserOutput {
  if (!isObj(doc)) fail('a tfsec JSON report must be an object with "results"')
  const results = optArray(doc, 'results', '')
  const findings: Finding[] = []
  const fingerprints = new FingerprintSet()
  let suppressed = 0
  if (!results) return { tool: 'tfsec', findings, suppressed }
  for (let i = 0; i < results.length; i++) {
    const where = `results[${i}]`
    const r = elementObj(results, i, 'results')
    const status = r.status
    if (status === 1 || status === 'passed') continue
    if (status === 2 || status === 'ignored') {
      suppressed++
      continue
    }
    if (status !== undefined && status !== 0 && status !== 'failed') {
      fail(`${where}.status ${JSON.stringify(status)} is not 0/"failed", 1/"passed" or 2/"ignored"`)
    }
    const avdId = reqStr(r, 'rule_id', where)
    const ruleId = str(r, 'long_id') || avdId
    const word = r.severity
    if (typeof word !== 'string') fail(`${where}.severity is missing`)
    const severity = mapSeverity('tfsec', word)
    if (!severity) fail(`${where}.severity ${JSON.stringify(word)} is not a tfsec severity`)
    const location = optObj(r, 'location', where)
    if (!location) fail(`${where}.location is missing`)
    const path = cleanPath(reqStr(location, 'filename', `${where}.location`))
    const resource = str(r, 'resource')
    const description = str(r, 'description') ?? ''
    const properties: Record<string, string | number | boolean> = {}
    if (ruleId !== avdId) properties.avdId = avdId
    const legacy = str(r, 'legacy_rule_id')
    if (legacy) properties.legacyRuleId = legacy
    if (resource) properties.resource = resource
    findings.push({
      source: 'tfsec',
      sources: sourcesOf('tfsec'),
      ruleId,
      ruleName: ruleId,
      severity,
      title: str(r, 'rule_description') || ruleId,
      message: description || str(r, 'impact') || ruleId,
      path,
      line: lineNumber(location.start_line) ?? 1,
      endLine: lineNumber(location.end_line),
      column: undefined,
      fingerprint: fingerprints.of('misconfiguration', ruleId, path, resource || description),
      helpUri: helpOf(r.links, str(r, 'link'), ruleId),
      kind: 'misconfiguration',
      fix: str(r, 'resolution') || undefined,
      fixAvailable: undefined,
      properties
    })
  }
  return { tool: 'tfsec', findings, suppressed }
}

function helpOf(links: unknown, link: string | undefined, ruleId: string): string {
  if (Array.isArray(links) && typeof links[0] === 'string' && links[0] !== '') return links[0]
  // Legacy: "See https://tfsec.dev/docs/google/GCP008/ for more information."
  const inText = link ? URL_IN_TEXT.exec(link)?.[0] : undefined
  return inText ?? `https://aquasecurity.github.io/tfsec/latest/checks/?q=${encodeURIComponent(ruleId)}`
}
