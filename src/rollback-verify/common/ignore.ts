import type { Finding } from '../../core/finding.js'

/**
 * Inline suppressions, written in the file next to what they excuse:
 *   -- rollback-verify-ignore RV-SQL-002 column unused since v41
 *   # rollback-verify-ignore RV-K8S-003 batch job, downtime is fine
 *   -- rollback-verify-ignore-file RV-SQL-017 tables are tiny
 * A reason is required (people copy bare escape hatches blindly); an ignore
 * without one does not suppress and is reported as a notice.
 */
export interface InlineIgnore {
  rules: string[]
  reason: string
  line: number
  fileWide: boolean
}

const IGNORE = /(?:--|#|\/\/)\s*rollback-verify-ignore(-file)?\s+((?:RV-[A-Z0-9]+-\d{3}|\*)(?:\s*,\s*(?:RV-[A-Z0-9]+-\d{3}|\*))*)\s*(.*)$/

export interface IgnoreScan {
  ignores: InlineIgnore[]
  notices: string[]
}

export function scanIgnores(text: string, path: string): IgnoreScan {
  const ignores: InlineIgnore[] = []
  const notices: string[] = []
  text.split('\n').forEach((raw, index) => {
    const m = IGNORE.exec(raw)
    if (!m) return
    const reason = (m[3] ?? '').replace(/^[-:–—\s]+/, '').trim()
    if (reason.length < 3) {
      notices.push(`${path}:${index + 1}: rollback-verify-ignore without a reason is not honoured; write why after the rule id`)
      return
    }
    ignores.push({ rules: (m[2] ?? '').split(',').map(r => r.trim()), reason, line: index + 1, fileWide: m[1] === '-file' })
  })
  return { ignores, notices }
}

/**
 * An ignore applies to the finding when it names the rule (or `*`) and is
 * file-wide, on the finding's line, or in the comment block right above it.
 */
export function applyIgnores(findings: Finding[], text: string, scan: IgnoreScan): Finding[] {
  if (scan.ignores.length === 0) return findings
  const lines = text.split('\n')
  return findings.map(finding => {
    const hit = scan.ignores.find(ignore => {
      if (!ignore.rules.includes(finding.ruleId) && !ignore.rules.includes('*')) return false
      if (ignore.fileWide || ignore.line === finding.line) return true
      if (ignore.line > finding.line) return false
      // Everything between the ignore and the finding must be comments or blank lines.
      for (let l = ignore.line + 1; l < finding.line; l++) {
        const t = (lines[l - 1] ?? '').trim()
        if (t !== '' && !/^(--|#|\/\/)/.test(t)) return false
      }
      return true
    })
    return hit ? { ...finding, suppressed: { reason: hit.reason, origin: `inline comment at ${finding.path}:${hit.line}` } } : finding
  })
}
