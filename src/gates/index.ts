import { isAbsolute, relative, sep } from 'node:path'
import type { RunContext } from '../core/context.js'
import { errorMessage, InputFileError, isUserError } from '../core/errors.js'
import type { Finding } from '../core/finding.js'
import { expandGlobs, readInputBytes, ReadBuffer, type ReadOptions } from '../core/files.js'
import type { InputError, ScanResult } from '../core/result.js'
import { isSeverity, type Severity } from '../core/severity.js'
import { loadBaseline } from './baseline.js'
import { dedupeFindings } from './dedupe.js'
import { parseReportBytes, REPORT_FORMATS, type ParsedReport, type ReportFormat } from './parse.js'

export interface GatesOptions {
  /** Report paths or globs. */
  reports: string[]
  format?: ReportFormat
  allowMissing?: boolean
  secretSeverity?: Severity
  /** Earlier JSON result or SARIF; with newOnly its findings cannot block. */
  baseline?: string
  newOnly?: boolean
  /** Largest report accepted, in bytes. */
  maxBytes?: number
}

export const SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reports: { type: 'array', items: { type: 'string' } },
    format: { enum: [...REPORT_FORMATS] },
    'allow-missing': { type: 'boolean' },
    'secret-severity': { enum: ['critical', 'high', 'medium', 'low', 'info'] },
    baseline: { type: 'string' },
    'new-only': { type: 'boolean' },
    'max-report-mb': { type: 'number', minimum: 1 }
  }
} as const

interface GatesSection {
  reports?: string[]
  format?: ReportFormat
  'allow-missing'?: boolean
  'secret-severity'?: Severity
  baseline?: string
  'new-only'?: boolean
  'max-report-mb'?: number
}

/** Config-file defaults under explicit options (inputs and flags win). */
export function gatesOptionsFromConfig(ctx: RunContext, explicit: Partial<GatesOptions>): GatesOptions {
  const section = ctx.config.validateSection<GatesSection>('gates', SECTION_SCHEMA)
  const reports = explicit.reports?.length ? explicit.reports : (section.reports ?? [])
  return {
    reports,
    format: explicit.format ?? section.format,
    allowMissing: explicit.allowMissing ?? section['allow-missing'] ?? false,
    secretSeverity: explicit.secretSeverity ?? section['secret-severity'],
    baseline: explicit.baseline || section.baseline,
    newOnly: explicit.newOnly ?? section['new-only'] ?? false,
    maxBytes: explicit.maxBytes ?? (section['max-report-mb'] ? section['max-report-mb'] * 1024 * 1024 : undefined)
  }
}

/** Scanners such as tfsec and Semgrep may write absolute paths; inside the workspace they become relative. */
function relativeToWorkspace(f: Finding, workspace: string): Finding {
  if (!isAbsolute(f.path)) return f
  const rel = relative(workspace, f.path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? { ...f, path: rel.split(sep).join('/') } : f
}

export function parseFormat(value: string): ReportFormat | undefined {
  const v = value.trim().toLowerCase()
  if (!v || v === 'auto') return undefined
  if ((REPORT_FORMATS as readonly string[]).includes(v)) return v as ReportFormat
  throw new InputFileError('(format)', `unknown report format "${value}"; use auto or one of ${REPORT_FORMATS.join(', ')}`)
}

export function parseSecretSeverity(value: string): Severity | undefined {
  const v = value.trim().toLowerCase()
  if (!v) return undefined
  if (isSeverity(v)) return v
  throw new InputFileError('(secret-severity)', `"${value}" is not a severity`)
}

/** One report read (into the run's reused buffer) and parsed; only its findings outlive the call. */
async function readReport(file: string, readOptions: ReadOptions, options: GatesOptions, buffer: ReadBuffer): Promise<ParsedReport & { streamed: boolean }> {
  const { bytes, shown } = await readInputBytes(file, readOptions, buffer)
  let streamed = false
  const parsed = parseReportBytes(bytes, file, { format: options.format, secretSeverity: options.secretSeverity, shown, onRead: how => (streamed = how === 'lazy') })
  return { ...parsed, streamed }
}

/**
 * Reads every report, one file at a time (only findings are kept, never the
 * parsed documents), merges duplicates across files and tools, and marks
 * baseline findings as known. Every unreadable report is an error.
 */
export async function runGates(ctx: RunContext, options: GatesOptions): Promise<ScanResult> {
  const errors: InputError[] = []
  const inputs: string[] = []
  const findings: Finding[] = []
  const perTool = new Map<string, number>()
  if (options.reports.length === 0) {
    errors.push({ path: '(reports)', message: 'no report paths given: set the reports input or gates.reports in the config file' })
  }
  const expanded = await expandGlobs(options.reports, ctx.workspace, { allowMissing: options.allowMissing })
  errors.push(...expanded.errors)
  const readOptions = { workspace: ctx.workspace, allowOutside: ctx.allowOutside, maxBytes: options.maxBytes }
  const buffer = new ReadBuffer()
  for (const file of expanded.files) {
    try {
      const parsed = await readReport(file, readOptions, options, buffer)
      inputs.push(file)
      perTool.set(parsed.tool, (perTool.get(parsed.tool) ?? 0) + parsed.findings.length)
      for (const f of parsed.findings) findings.push(relativeToWorkspace(f, ctx.workspace))
      ctx.logger.info(`${file}: ${parsed.format}, ${parsed.findings.length} finding(s)${parsed.streamed ? ' (large report: findings read one run at a time)' : ''}`)
    } catch (error) {
      if (!isUserError(error)) throw error
      errors.push({ path: error instanceof InputFileError ? error.path : file, message: error instanceof InputFileError ? error.reason : errorMessage(error) })
    }
  }
  let known: string[] | undefined
  const notices: string[] = []
  if (options.baseline && options.newOnly) {
    try {
      const baseline = await loadBaseline(options.baseline, readOptions)
      known = findings.filter(f => baseline.has(f.fingerprint)).map(f => f.fingerprint)
      notices.push(`baseline ${options.baseline}: ${known.length} finding(s) already known, only new findings can block`)
    } catch (error) {
      if (!isUserError(error)) throw error
      errors.push({ path: options.baseline, message: `baseline: ${error instanceof InputFileError ? error.reason : errorMessage(error)}` })
    }
  } else if (options.baseline) {
    notices.push(`baseline ${options.baseline} given without new-only: every finding can block`)
  }
  const merged = dedupeFindings(findings)
  if (merged.length < findings.length) notices.push(`${findings.length - merged.length} duplicate finding(s) merged across reports`)
  const table = [...perTool.entries()].map(([tool, n]) => `| ${tool} | ${n} |`)
  return {
    command: 'gates',
    findings: merged,
    errors,
    inputs,
    notices,
    ...(known && { known }),
    // Report tools plus each finding's own tool (a multi-tool SARIF names them per result).
    sources: [...new Set([...perTool.keys(), ...merged.map(f => f.source)])],
    sections: table.length ? [{ title: 'Reports read', markdown: ['| tool | findings |', '|---|---:|', ...table].join('\n') }] : []
  }
}
