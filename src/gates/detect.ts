/**
 * Which report format a document is, from its content. Some clean shapes
 * are shared by several tools (`null`, `[]`, `{"results": null}`): they get
 * several candidates, ordered by a tool name in the file name.
 */
import { isList, listAt } from '../core/lazy-json.js'
import { looksLikeSarif } from '../core/sarif-read.js'
import type { ReportFormat } from './parse.js'
import { isObj, type Obj } from './parsers/fields.js'

const GITLEAKS_CSV_HEADER = /^\s*"?RuleID"?,/

/** True when the text starts like gitleaks' CSV header. */
export function looksLikeGitleaksCsv(text: string): boolean {
  return GITLEAKS_CSV_HEADER.test(text.slice(0, 200))
}

/** A file name that promises SARIF (`.sarif`, and tfsec's `.sarif.json`). */
export function isSarifFileName(path: string): boolean {
  return /\.sarif(\.json)?$/i.test(path)
}

/**
 * Formats whose parser accepts this document, most likely first; empty when
 * no known shape. A file named *.sarif must hold SARIF: `null` there is not
 * a clean gitleaks/Trivy report but a scan that wrote nothing usable.
 */
export function candidateFormats(doc: unknown, path = ''): ReportFormat[] {
  if (isSarifFileName(path)) return looksLikeSarif(doc) ? ['sarif'] : []
  return byFileName(candidatesOf(doc), path)
}

/** The single most likely format, or undefined when the document has no known shape. */
export function detectFormat(doc: unknown, path = ''): ReportFormat | undefined {
  return candidateFormats(doc, path)[0]
}

function candidatesOf(doc: unknown): ReportFormat[] {
  if (doc === null) return ['gitleaks-json', 'trivy-json']
  if (isList(doc)) {
    if (doc.length === 0) return ['gitleaks-json', 'trivy-json', 'checkov-json']
    const first = listAt(doc, 0)
    if (!isObj(first)) return []
    if ('RuleID' in first || ('rule' in first && ('offender' in first || 'lineNumber' in first))) return ['gitleaks-json']
    if ('check_type' in first || isCheckovSummary(first)) return ['checkov-json']
    if ('Target' in first) return ['trivy-json']
    return []
  }
  if (!isObj(doc)) return []
  if (looksLikeSarif(doc)) return ['sarif']
  if ('SchemaVersion' in doc || 'ClusterName' in doc || ('ArtifactName' in doc && ('Results' in doc || 'ArtifactType' in doc))) {
    return ['trivy-json']
  }
  if ('auditReportVersion' in doc || ('advisories' in doc && ('actions' in doc || 'muted' in doc || 'metadata' in doc))) {
    return ['npm-audit-json']
  }
  if (isObj(doc.error) && 'code' in doc.error && 'summary' in doc.error) return ['npm-audit-json']
  if ('check_type' in doc || isCheckovSummary(doc)) return ['checkov-json']
  if ('results' in doc) return resultsCandidates(doc)
  return []
}

function resultsCandidates(doc: Obj): ReportFormat[] {
  const results = doc.results
  if (isList(results) && results.length > 0) {
    const first = listAt(results, 0)
    if (isObj(first)) {
      if ('check_id' in first) return ['semgrep-json']
      if ('rule_id' in first || 'long_id' in first || 'location' in first) return ['tfsec-json']
    }
  }
  if ('errors' in doc || 'paths' in doc || 'version' in doc) return ['semgrep-json']
  if (isObj(results)) return 'failed_checks' in results || 'passed_checks' in results ? ['checkov-json'] : []
  if (results === null || isList(results)) return ['tfsec-json', 'semgrep-json']
  // A results key of the wrong type: let the likeliest parser report the type error.
  return ['tfsec-json']
}

function isCheckovSummary(obj: Obj): boolean {
  return 'passed' in obj && 'failed' in obj && 'skipped' in obj && ('checkov_version' in obj || 'resourcecount' in obj || 'resource_count' in obj)
}

const NAME_HINTS: ReadonlyArray<[string, ReportFormat]> = [
  ['trivy', 'trivy-json'],
  ['gitleaks', 'gitleaks-json'],
  ['checkov', 'checkov-json'],
  ['semgrep', 'semgrep-json'],
  ['tfsec', 'tfsec-json']
]

/** Puts the format named in the file path first (only reorders ambiguous candidates). */
function byFileName(candidates: ReportFormat[], path: string): ReportFormat[] {
  if (candidates.length < 2) return candidates
  const full = path.replace(/\\/g, '/').toLowerCase()
  // The file name first, then its folders (reports/trivy/clean.json).
  for (const name of [full.slice(full.lastIndexOf('/') + 1), full]) {
    for (const [hint, format] of NAME_HINTS) {
      if (name.includes(hint) && candidates.includes(format)) return [format, ...candidates.filter(c => c !== format)]
    }
  }
  return candidates
}

/** A short description of a document for "no known shape" errors. */
export function describeShape(doc: unknown): string {
  if (isList(doc)) {
    const first = doc.length > 0 ? listAt(doc, 0) : undefined
    return isObj(first) ? `an array of objects with keys ${keyList(first)}` : `an array of ${first === null ? 'null' : typeof first}`
  }
  if (isObj(doc)) return `an object with keys ${keyList(doc)}`
  return `a JSON ${doc === null ? 'null' : typeof doc}`
}

function keyList(obj: Obj): string {
  const keys = Object.keys(obj)
  if (keys.length === 0) return '(none)'
  const shown = keys.slice(0, 8).map(k => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
  return shown.join(', ') + (keys.length > 8 ? `, … (${keys.length} keys)` : '')
}
