/**
 * Semgrep `--json`: one finding per `results[]` entry (entries with
 * extra.is_ignored — nosemgrep — are the tool's own suppressions). `errors[]`
 * are scan errors, not findings.
 */
import { sourcesOf, type Finding } from '../../core/finding.js'
import { mapSeverity } from '../../core/severity-map.js'
import { FingerprintSet, StringPool, elementObj, fail, isObj, lineNumber, optArray, optObj, reqStr, str, type Obj, cleanPath } from './fields.js'
import type { ParserOutput } from './types.js'

const REQUIRES_LOGIN = 'requires login'

export function parseSemgrepJson(doc: unknown): ParserOutput {
  if (!isObj(doc)) fail('a Semgrep JSON report must be an object with "results"')
  const results = optArray(doc, 'results', '')
  const findings: Finding[] = []
  const fingerprints = new FingerprintSet()
  const pool = new StringPool()
  let suppressed = 0
  if (!results) return { tool: 'semgrep', findings, suppressed }
  for (let i = 0; i < results.length; i++) {
    const where = `results[${i}]`
    const r = elementObj(results, i, 'results')
    const checkId = pool.get(reqStr(r, 'check_id', where))
    const path = cleanPath(reqStr(r, 'path', where))
    const extra = optObj(r, 'extra', where)
    if (!extra) fail(`${where}.extra is missing`)
    if (extra.is_ignored === true) {
      suppressed++
      continue
    }
    const word = extra.severity
    if (typeof word !== 'string') fail(`${where}.extra.severity is missing`)
    const severity = mapSeverity('semgrep', word)
    if (!severity) fail(`${where}.extra.severity ${JSON.stringify(word)} is not a Semgrep severity`)
    const start = optObj(r, 'start', where)
    const end = optObj(r, 'end', where)
    const metadata = optObj(extra, 'metadata', `${where}.extra`)
    const message = pool.get(str(extra, 'message') ?? '')
    const properties: Record<string, string | number | boolean> = {}
    const confidence = str(metadata, 'confidence')
    if (confidence) properties.confidence = confidence
    const cwe = firstString(metadata?.cwe)
    if (cwe) properties.cwe = pool.get(cwe)
    const semgrepFingerprint = str(extra, 'fingerprint')
    if (semgrepFingerprint && semgrepFingerprint !== REQUIRES_LOGIN) properties.semgrepFingerprint = semgrepFingerprint
    const fix = str(extra, 'fix')
    const name = pool.get(lastSegment(checkId))
    findings.push({
      source: 'semgrep',
      sources: sourcesOf('semgrep'),
      ruleId: checkId,
      ruleName: name,
      severity,
      title: name,
      message,
      path,
      line: lineNumber(start?.line) ?? 1,
      endLine: lineNumber(end?.line),
      column: lineNumber(start?.col),
      fingerprint: fingerprints.of('sast', checkId, path, identity(extra, start, end, message)),
      helpUri: pool.get(str(metadata, 'source') || firstString(metadata?.references) || `https://semgrep.dev/r/${checkId}`),
      kind: 'sast',
      fix: fix || undefined,
      fixAvailable: fix ? true : undefined,
      properties
    })
  }
  return { tool: 'semgrep', findings, suppressed }
}

/** The matched code when Semgrep gives it; without login only the message and match width remain. */
function identity(extra: Obj, start: Obj | undefined, end: Obj | undefined, message: string): string {
  const lines = str(extra, 'lines')
  if (lines && lines !== REQUIRES_LOGIN) return lines.trim()
  const width = typeof start?.offset === 'number' && typeof end?.offset === 'number' ? end.offset - start.offset : ''
  return `${message}\u0000${str(start, 'col') ?? ''}\u0000${width}`
}

function lastSegment(checkId: string): string {
  const dot = checkId.lastIndexOf('.')
  return dot === -1 ? checkId : checkId.slice(dot + 1)
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return undefined
}
