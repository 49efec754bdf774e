import type { Finding } from '../../../core/finding.js'
import type { Severity } from '../../../core/severity.js'
import type { AuthRuleId, AuthUse } from '../auth.js'
import type { Job } from '../model.js'
import { report, where, type RuleContext, type WorkflowRule } from '../rule.js'

export interface AuthDescription {
  message: string
  fix: string
  severity?: Severity
}

/** Shared body of OG-WF-001…007: one finding per inventory row the rule owns. */
export function authFindings(
  rule: WorkflowRule,
  ctx: RuleContext,
  describe: (use: AuthUse, job: Job | undefined, place: string) => AuthDescription
): Finding[] {
  const id = rule.id as AuthRuleId
  return groupSecrets(ctx.analysis.auth.filter(use => use.ruleId === id))
    .map(use => {
      const job = ctx.file.jobs.find(j => j.id === use.jobId)
      const place = use.jobId === '' ? 'the workflow-level `env:`' : where(job, use.step)
      const d = describe(use, job, place)
      return report(rule, ctx, {
        line: use.line,
        ...(job && { job }),
        ...(use.step && { step: use.step }),
        key: use.secrets.join(',') || use.method,
        message: d.message,
        fix: d.fix,
        ...(d.severity && { severity: d.severity }),
        properties: { provider: use.provider, authClass: use.authClass, ...(use.secrets.length > 0 && { secrets: use.secrets.join(',') }) }
      })
    })
}

export function secretList(use: AuthUse): string {
  return use.secrets.length > 0 ? ` (${use.secrets.map(s => `\`${s}\``).join(', ')})` : ''
}

/**
 * Secrets bound in the same place for the same reason (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY in one env block) are one problem: merge them.
 */
export function groupSecrets(uses: AuthUse[]): AuthUse[] {
  const groups = new Map<string, AuthUse>()
  uses.forEach((use, i) => {
    const key = use.method.startsWith('secret ') ? `${use.jobId}|${use.step?.index ?? '-'}|${use.ruleId ?? use.authClass}` : `#${i}`
    const seen = groups.get(key)
    if (!seen) groups.set(key, { ...use, secrets: [...use.secrets] })
    else {
      seen.secrets.push(...use.secrets.filter(s => !seen.secrets.includes(s)))
      seen.method = `${seen.method}; ${use.method}`
    }
  })
  return [...groups.values()]
}
