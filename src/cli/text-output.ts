import type { Finding } from '../core/finding.js'
import type { Report } from '../core/result.js'
import { SEVERITIES, type Severity } from '../core/severity.js'
import { groupBy } from '../core/group.js'

const COLOURS: Record<Severity | 'pass' | 'fail' | 'error' | 'dim', string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[37m',
  pass: '\x1b[1;32m',
  fail: '\x1b[1;31m',
  error: '\x1b[1;35m',
  dim: '\x1b[2m'
}

/** Human output: findings grouped by file, most severe first, then one verdict line. */
export function renderText(report: Report, colour: boolean): string {
  const paint = (key: keyof typeof COLOURS, text: string) => (colour ? `${COLOURS[key]}${text}\x1b[0m` : text)
  const lines: string[] = []
  const blocking = new Set(report.blocking)
  const byFile = groupBy(
    report.findings.filter(f => !f.suppressed),
    f => f.path
  )
  for (const [file, list] of byFile) {
    lines.push(paint('dim', file))
    for (const f of list) {
      const mark = blocking.has(f.fingerprint) ? '✖' : '•'
      const sources = f.sources && f.sources.length > 1 ? ` [${f.sources.join(', ')}]` : ''
      lines.push(`  ${mark} ${String(f.line).padStart(4)}  ${paint(f.severity, f.severity.padEnd(8))} ${f.ruleId}  ${f.title}${sources}`)
      if (f.fix && blocking.has(f.fingerprint)) lines.push(`          ${paint('dim', `fix: ${f.fix.split('\n')[0]}`)}`)
    }
    lines.push('')
  }
  for (const e of report.errors) lines.push(`${paint('error', 'error')} ${e.path}: ${e.message}`)
  for (const n of report.notices) lines.push(`${paint('dim', 'note')} ${n}`)
  const suppressed = report.findings.filter(f => f.suppressed).length
  const counts = SEVERITIES.map(s => `${report.counts[s]} ${s}`).join(', ')
  const verdict = report.verdict.toUpperCase()
  if (lines.length) lines.push('')
  lines.push(
    `${paint(report.verdict, verdict)} ${report.command}: ${counts}; ${report.blocking.length} blocking` +
      `${suppressed ? `, ${suppressed} suppressed` : ''}; ${report.inputs.length} input(s), ${report.errors.length} error(s)`
  )
  return `${lines.join('\n')}\n`
}
