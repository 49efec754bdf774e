import { AUTH_CLASS_LABEL, AUTH_CLASSES, authRank, type AuthClass, type AuthUse } from './auth.js'
import { stepLabel } from './model.js'

export interface InventoryRow extends AuthUse {
  path: string
}

const MAX_ROWS = 400

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** The job-summary table: every authentication use, worst class first. */
export function renderInventory(rows: InventoryRow[], minAuthLevel: AuthClass): string {
  const counts = AUTH_CLASSES.map(c => `${rows.filter(r => r.authClass === c).length} ${AUTH_CLASS_LABEL[c]}`).join(', ')
  const head = `${rows.length} authentication use(s): ${counts}. min-auth-level: \`${minAuthLevel}\` (weaker classes block).`
  if (rows.length === 0) return `${head}\n\nNo authentication step found.`
  const sorted = [...rows].sort((a, b) => authRank(b.authClass) - authRank(a.authClass) || a.path.localeCompare(b.path) || a.line - b.line)
  const lines = sorted.slice(0, MAX_ROWS).map(r => {
    const blocked = authRank(r.authClass) > authRank(minAuthLevel) ? ' ⛔' : ''
    return `| ${cell(AUTH_CLASS_LABEL[r.authClass])}${blocked} | ${cell(r.provider)} | ${cell(r.method)} | \`${cell(r.path)}:${r.line}\` | ${cell(r.jobId || '(workflow env)')} | ${cell(r.step ? stepLabel(r.step) : '')} | ${r.ruleId ?? ''} |`
  })
  const more = sorted.length > MAX_ROWS ? `\n\n… and ${sorted.length - MAX_ROWS} more (see the JSON result).` : ''
  return [head, '', '| class | provider | method | where | job | step | rule |', '|---|---|---|---|---|---|---|', ...lines].join('\n') + more
}
