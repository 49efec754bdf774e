import type { Finding } from './finding.js'
import type { Report } from './result.js'
import { SEVERITIES, type Severity } from './severity.js'

/** GitHub rejects step summaries over 1 MiB; stay well below it. */
export const SUMMARY_MAX_BYTES = 900 * 1024
/** A pull-request comment body may hold 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_000

const VERDICT_LINE: Record<Report['verdict'], string> = {
  pass: '✅ **PASS**: nothing blocks this deployment',
  fail: '❌ **FAIL**: findings block this deployment',
  error: '⛔ **ERROR**: some input could not be checked, so nothing can pass'
}

const ICON: Record<Severity, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' }

export interface SummaryOptions {
  maxBytes?: number
  /** Annotations emitted; the rest are counted here. */
  annotated?: number
  sarifTruncated?: string[]
}

/** Table cells must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').slice(0, 300)
}

function findingRow(f: Finding, blocking: boolean): string {
  const where = `${f.path}:${f.line}`
  const rule = f.helpUri ? `[${cell(f.ruleId)}](${f.helpUri})` : cell(f.ruleId)
  const sources = (f.sources?.length ? f.sources : [f.source]).join(', ')
  return `| ${ICON[f.severity]} ${f.severity} | ${rule} | \`${cell(where)}\` | ${cell(f.title || f.message)} | ${cell(sources)} |${blocking ? '' : ''}`
}

function countsTable(report: Report): string[] {
  const perSource = new Map<string, Record<Severity, number>>()
  for (const f of report.findings) {
    if (f.suppressed) continue
    const row = perSource.get(f.source) ?? { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
    row[f.severity]++
    perSource.set(f.source, row)
  }
  const lines = [`| source | ${SEVERITIES.join(' | ')} |`, `|---|${SEVERITIES.map(() => '---:').join('|')}|`]
  for (const [source, row] of [...perSource.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`| ${cell(source)} | ${SEVERITIES.map(s => row[s]).join(' | ')} |`)
  }
  lines.push(`| **total** | ${SEVERITIES.map(s => `**${report.counts[s]}**`).join(' | ')} |`)
  return lines
}

/**
 * Markdown job summary: verdict first, counts, then the findings that block,
 * most severe first. Stops adding rows before `maxBytes` and says how many
 * were left out, so the summary upload never fails for size.
 */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const max = options.maxBytes ?? SUMMARY_MAX_BYTES
  const out: string[] = []
  const push = (...lines: string[]) => out.push(...lines)
  const size = () => Buffer.byteLength(out.join('\n'))
  const title = report.command === 'all' ? 'deploy-gates' : `deploy-gates ${report.command}`
  push(`## ${title}`, '', VERDICT_LINE[report.verdict], '')
  push(`Counts (unsuppressed): ${SEVERITIES.map(s => `${s} ${report.counts[s]}`).join(' · ')} — ${report.inputs.length} input(s) checked`, '')

  if (report.errors.length > 0) {
    push('### Errors', '')
    for (const e of report.errors.slice(0, 200)) push(`- \`${cell(e.path)}\`: ${cell(e.message)}`)
    if (report.errors.length > 200) push(`- … and ${report.errors.length - 200} more`)
    push('')
  }
  if (report.findings.length > 0) push(...countsTable(report), '')

  const blocking = new Set(report.blocking)
  const blockers = report.findings.filter(f => blocking.has(f.fingerprint))
  const others = report.findings.filter(f => !blocking.has(f.fingerprint) && !f.suppressed)
  const suppressed = report.findings.filter(f => f.suppressed)
  const tail: string[] = []
  if (options.annotated !== undefined && options.annotated < report.findings.length - suppressed.length) {
    tail.push(`${report.findings.length - suppressed.length - options.annotated} finding(s) are not annotated inline (GitHub shows a limited number per step); all are listed here and in the SARIF file.`)
  }
  for (const note of options.sarifTruncated ?? []) tail.push(`SARIF: ${note}`)

  const section = (heading: string, rows: Finding[], isBlocking: boolean) => {
    if (rows.length === 0) return
    push(`### ${heading} (${rows.length})`, '', '| severity | rule | location | title | source |', '|---|---|---|---|---|')
    let shown = 0
    for (const f of rows) {
      const row = findingRow(f, isBlocking)
      if (size() + row.length + 2048 > max) break
      push(row)
      shown++
    }
    if (shown < rows.length) push('', `_${rows.length - shown} more not shown here (size limit); see the SARIF or JSON result._`)
    push('')
  }
  section('Blocking findings', blockers, true)
  section('Other findings', others, false)

  if (suppressed.length > 0 && size() < max - 4096) {
    push(`### Suppressed (${suppressed.length})`, '')
    for (const f of suppressed.slice(0, 100)) {
      const until = f.suppressed!.expires ? ` (until ${f.suppressed!.expires})` : ''
      push(`- ${f.ruleId} \`${cell(`${f.path}:${f.line}`)}\`: ${cell(f.suppressed!.reason)}${until}`)
    }
    if (suppressed.length > 100) push(`- … and ${suppressed.length - 100} more`)
    push('')
  }
  if (report.notices.length > 0 && size() < max - 4096) {
    push('### Notices', '')
    for (const n of report.notices.slice(0, 100)) push(`- ${cell(n)}`)
    push('')
  }
  for (const s of report.sections) {
    const block = [`### ${s.title}`, '', s.markdown, '']
    if (size() + Buffer.byteLength(block.join('\n')) > max - 1024) {
      push(`_Section "${s.title}" left out (size limit)._`, '')
      continue
    }
    push(...block)
  }
  if (tail.length) push(...tail.map(t => `_${t}_`), '')
  let text = out.join('\n')
  // Last resort: never exceed the hard limit, whatever a section held.
  while (Buffer.byteLength(text) > max) text = text.slice(0, Math.floor(text.length * 0.9))
  return text
}
