import type { Finding } from './finding.js'
import type { Report } from './result.js'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  file: string
  startLine: number
  endLine?: number
  startColumn?: number
}

/** GitHub shows 10 error and 10 warning annotations per step; more are dropped silently. */
export const ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10 } as const

function levelOf(finding: Finding, blocking: boolean): Annotation['level'] {
  if (blocking) return 'error'
  return finding.severity === 'critical' || finding.severity === 'high' || finding.severity === 'medium' ? 'warning' : 'notice'
}

/**
 * The annotations worth showing: blocking findings as errors, then the most
 * severe others, within GitHub's per-step limits. The report is already sorted
 * most severe first.
 */
export function selectAnnotations(report: Report, limits = ANNOTATION_LIMITS): Annotation[] {
  const blocking = new Set(report.blocking)
  const used = { error: 0, warning: 0, notice: 0 }
  const out: Annotation[] = []
  for (const e of report.errors) {
    if (used.error >= limits.error) break
    used.error++
    out.push({ level: 'error', title: 'deploy-gates: input error', message: e.message, file: e.path, startLine: 1 })
  }
  for (const f of report.findings) {
    if (f.suppressed) continue
    const level = levelOf(f, blocking.has(f.fingerprint))
    if (used[level] >= limits[level]) continue
    used[level]++
    out.push({
      level,
      title: `${f.ruleId} (${f.severity}): ${f.title}`.slice(0, 255),
      message: f.fix ? `${f.message}\nFix: ${f.fix}\n${f.helpUri}` : `${f.message}\n${f.helpUri}`,
      file: f.path,
      startLine: Math.max(1, f.line),
      ...(f.endLine && f.endLine > f.line && { endLine: f.endLine }),
      ...(f.column && { startColumn: f.column })
    })
  }
  return out
}
