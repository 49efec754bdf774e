/**
 * Scanner-report parsing for `gates`: one report text in, trusted findings
 * out. The format comes from the content (an explicit `format` must agree
 * with it); anything that cannot be trusted — empty, truncated, not JSON, no
 * known shape, wrong types in key fields, unsupported versions — throws
 * InputFileError naming the file and the fault. Clean shapes (`null`, `[]`,
 * `{"results": null}`, `runs: []`, a bare checkov summary…) are zero findings.
 */
import { InputFileError } from '../core/errors.js'
import type { Finding } from '../core/finding.js'
import { SarifShapeError } from '../core/sarif-read.js'
import type { Severity } from '../core/severity.js'
import { candidateFormats, describeShape, isSarifFileName, looksLikeGitleaksCsv } from './detect.js'
import { parseCheckovJson } from './parsers/checkov-json.js'
import { ReportShapeError } from './parsers/fields.js'
import { parseGitleaksCsv, parseGitleaksJson } from './parsers/gitleaks.js'
import { parseJsonText } from './parsers/json-text.js'
import { parseNpmAudit } from './parsers/npm-audit.js'
import { parseSarif } from './parsers/sarif.js'
import { parseSemgrepJson } from './parsers/semgrep-json.js'
import { parseTfsecJson } from './parsers/tfsec-json.js'
import { parseTrivyJson } from './parsers/trivy-json.js'
import type { ParserContext, ParserOutput } from './parsers/types.js'

/** Every report format the gate reads; SARIF covers every SARIF 2.1.0 producer. */
export type ReportFormat =
  | 'trivy-json'
  | 'gitleaks-json'
  | 'gitleaks-csv'
  | 'semgrep-json'
  | 'tfsec-json'
  | 'checkov-json'
  | 'npm-audit-json'
  | 'sarif'

export const REPORT_FORMATS: readonly ReportFormat[] = [
  'trivy-json',
  'gitleaks-json',
  'gitleaks-csv',
  'semgrep-json',
  'tfsec-json',
  'checkov-json',
  'npm-audit-json',
  'sarif'
]

export interface ParseOptions {
  /** Explicit override; otherwise the format is detected from the content. */
  format?: ReportFormat
  /** Severity of a secret when the tool gives none (gitleaks). Default 'critical'. */
  secretSeverity?: Severity
}

export interface ParsedReport {
  /** trivy, gitleaks, semgrep, tfsec, checkov, npm-audit, or the SARIF driver name lower-cased ('sarif' for several tools). */
  tool: string
  format: ReportFormat
  findings: Finding[]
  /** Entries the report itself marks as suppressed or skipped (SARIF suppressions, nosemgrep, tfsec ignores, checkov skips): not in findings. */
  suppressed?: number
}

type JsonParser = (doc: unknown, context: ParserContext) => ParserOutput

const JSON_PARSERS: Record<Exclude<ReportFormat, 'gitleaks-csv'>, JsonParser> = {
  'trivy-json': doc => parseTrivyJson(doc),
  'gitleaks-json': (doc, context) => parseGitleaksJson(doc, context),
  'semgrep-json': doc => parseSemgrepJson(doc),
  'tfsec-json': doc => parseTfsecJson(doc),
  'checkov-json': doc => parseCheckovJson(doc),
  'npm-audit-json': doc => parseNpmAudit(doc),
  sarif: (doc, context) => parseSarif(doc, context)
}

/** Parses one scanner report. Throws InputFileError(path, reason) on anything it cannot trust. */
export function parseReport(text: string, path: string, options: ParseOptions = {}): ParsedReport {
  const explicit = options.format
  if (explicit !== undefined && !REPORT_FORMATS.includes(explicit)) {
    throw new InputFileError(path, `unknown report format "${String(explicit)}"; use one of ${REPORT_FORMATS.join(', ')}`)
  }
  const context: ParserContext = { secretSeverity: options.secretSeverity ?? 'critical' }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new InputFileError(path, 'the report is empty')
  try {
    if (explicit === 'gitleaks-csv' || (explicit === undefined && looksLikeGitleaksCsv(body))) {
      if (!looksLikeGitleaksCsv(body)) {
        throw new ReportShapeError(`format gitleaks-csv was given, but the file does not start with gitleaks' CSV header (RuleID,…)`)
      }
      return done(parseGitleaksCsv(body, context), 'gitleaks-csv')
    }
    const doc = parseJson(body, path)
    const candidates = candidateFormats(doc, path)
    const format = explicit ?? candidates[0]
    if (format === undefined) {
      if (isSarifFileName(path)) throw new ReportShapeError(`a .sarif file must hold a SARIF 2.1.0 log ({"version": "2.1.0", "runs": [...]}), this one holds ${describeShape(doc)}`)
      throw new ReportShapeError(`JSON of no known report shape: ${describeShape(doc)}`)
    }
    if (format === 'gitleaks-csv') throw new ReportShapeError('format gitleaks-csv was given, but the content is JSON')
    if (!candidates.includes(format)) {
      throw new ReportShapeError(
        `format ${format} was given, but the content ${candidates.length ? `looks like ${candidates.join(' or ')}` : `has no known report shape (${describeShape(doc)})`}`
      )
    }
    return done(JSON_PARSERS[format](doc, context), format)
  } catch (error) {
    if (error instanceof ReportShapeError || error instanceof SarifShapeError) throw new InputFileError(path, error.message)
    throw error
  }
}

function done(output: ParserOutput, format: ReportFormat): ParsedReport {
  return { tool: output.tool, format, findings: output.findings, suppressed: output.suppressed }
}

function parseJson(text: string, path: string): unknown {
  try {
    return parseJsonText(text)
  } catch (error) {
    const start = text.trimStart()
    const first = start[0]
    if (error instanceof ReportShapeError && first !== '{' && first !== '[' && !start.startsWith('null')) {
      const newline = start.indexOf('\n')
      const line = (newline === -1 ? start : start.slice(0, newline)).slice(0, 60)
      const what = isSarifFileName(path) ? 'a .sarif file that holds text output, not SARIF JSON' : 'not a JSON report (nor gitleaks CSV)'
      throw new ReportShapeError(`${what}: it starts with ${JSON.stringify(line)} (${error.message})`)
    }
    throw error
  }
}
