/**
 * Scanner-report parsing for `gates`: one report text in, trusted findings
 * out. The format comes from the content (an explicit `format` must agree
 * with it); anything that cannot be trusted — empty, truncated, not JSON, no
 * known shape, wrong types in key fields, unsupported versions — throws
 * InputFileError naming the file and the fault. Clean shapes (`null`, `[]`,
 * `{"results": null}`, `runs: []`, a bare checkov summary…) are zero findings.
 */
import { InputFileError } from '../core/errors.js'
import { decodeText } from '../core/files.js'
import { parseLazyJson, type LazyKind } from '../core/lazy-json.js'
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
  const explicit = checkedFormat(options.format, path)
  const context: ParserContext = { secretSeverity: options.secretSeverity ?? 'critical' }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new InputFileError(path, 'the report is empty')
  return withFileName(path, () => {
    if (explicit === 'gitleaks-csv' || (explicit === undefined && looksLikeGitleaksCsv(body))) {
      if (!looksLikeGitleaksCsv(body)) {
        throw new ReportShapeError(`format gitleaks-csv was given, but the file does not start with gitleaks' CSV header (RuleID,…)`)
      }
      return done(parseGitleaksCsv(body, context), 'gitleaks-csv')
    }
    return parseDocument(parseJson(body, path), path, explicit, context)
  })
}

/** Smallest report read lazily (see core/lazy-json); smaller ones are parsed whole, which costs little. */
export const LAZY_MIN_BYTES = 1024 * 1024

/** The lazy arrays each format's parser reads; a format not listed here gets the document parsed whole. */
const LAZY_KINDS: Partial<Record<ReportFormat, readonly LazyKind[]>> = {
  'trivy-json': ['top', 'trivy-findings'],
  'gitleaks-json': ['top'],
  'semgrep-json': ['results'],
  'tfsec-json': ['results'],
  sarif: ['sarif-results']
}

/** The detected format cannot read one of the document's lazy arrays: parse the text whole instead. */
class NotLazilyReadable extends Error {}

export interface ByteParseOptions extends ParseOptions {
  /** Reports at least this large are read lazily (default LAZY_MIN_BYTES). */
  lazyMinBytes?: number
  /** Path for messages about the bytes themselves (binary, empty); default `path`. */
  shown?: string
  /** Told which way the report was read (tests and benchmarks check that the lazy way is taken). */
  onRead?: (how: 'lazy' | 'whole') => void
}

/**
 * parseReport over the file's bytes. Large JSON reports are read lazily:
 * only the findings arrays' elements are parsed, one at a time, and dropped
 * once they are findings. The result is parseReport's: wherever the lazy
 * reading does not end in findings (an unexpected layout, a fault anywhere,
 * a format without lazy support) the text is parsed whole and decides.
 */
export function parseReportBytes(bytes: Buffer, path: string, options: ByteParseOptions = {}): ParsedReport {
  const whole = (): ParsedReport => {
    options.onRead?.('whole')
    return parseReport(decodeText(bytes, options.shown ?? path), path, options)
  }
  const body = lazyBody(bytes, options)
  const lazy = body === undefined ? undefined : parseLazyJson(body)
  if (lazy === undefined) return whole()
  const explicit = checkedFormat(options.format, path)
  const context: ParserContext = { secretSeverity: options.secretSeverity ?? 'critical' }
  const kinds = new Set(lazy.lists.map(list => list.kind))
  try {
    const parsed = parseDocument(lazy.root, path, explicit, context, kinds)
    // Every element is proven valid JSON where the walk located it, read or not, as the whole-text parse would.
    for (const list of lazy.lists) list.confirm()
    options.onRead?.('lazy')
    return parsed
  } catch {
    // A fault (or a format without lazy support): the whole-text parse decides, so the
    // error is exactly parseReport's — e.g. invalid JSON late in the file before a shape fault early.
    return whole()
  } finally {
    for (const list of lazy.lists) list.close()
  }
}

/** The JSON bytes to read lazily, or undefined when the report goes the whole-text way. */
function lazyBody(bytes: Buffer, options: ByteParseOptions): Buffer | undefined {
  if (bytes.length < (options.lazyMinBytes ?? LAZY_MIN_BYTES) || options.format === 'gitleaks-csv') return undefined
  // UTF-16 needs decoding first: decodeText says so. (NUL bytes of a binary file need no scan here: JSON.parse
  // rejects them wherever they are, and any fault on the lazy way ends in the whole-text parse.)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  for (const c of body) {
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue
    return c === 0x7b || c === 0x5b ? body : undefined
  }
  return undefined
}

function checkedFormat(format: ReportFormat | undefined, path: string): ReportFormat | undefined {
  if (format !== undefined && !REPORT_FORMATS.includes(format)) {
    throw new InputFileError(path, `unknown report format "${String(format)}"; use one of ${REPORT_FORMATS.join(', ')}`)
  }
  return format
}

/** Shape errors become InputFileError naming the file. */
function withFileName<T>(path: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof ReportShapeError || error instanceof SarifShapeError) throw new InputFileError(path, error.message)
    throw error
  }
}

function parseDocument(doc: unknown, path: string, explicit: ReportFormat | undefined, context: ParserContext, lazyKinds?: ReadonlySet<LazyKind>): ParsedReport {
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
  if (lazyKinds !== undefined) {
    const readable = LAZY_KINDS[format] ?? []
    for (const kind of lazyKinds) if (!readable.includes(kind)) throw new NotLazilyReadable()
  }
  return done(JSON_PARSERS[format](doc, context), format)
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
