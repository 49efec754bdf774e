import { AUTH_CLASS_LABEL, AUTH_CLASSES, authRank } from '../auth.js'
import { report, where, type WorkflowRule } from '../rule.js'
import { groupSecrets } from './auth-findings.js'

/**
 * The `min-auth-level` gate: the inventory turned into a blocking rule.
 * Default `stored-secret` blocks PATs only; `oidc` allows nothing else.
 */
export const rule: WorkflowRule = {
  id: 'OG-WF-008',
  name: 'auth-below-minimum',
  title: 'Authentication weaker than the configured minimum level',
  severity: 'high',
  kind: 'policy',
  rationale:
    'The seed table ranks authentication OIDC > short-lived token > stored secret > personal access token. `min-auth-level` (input, flag or config) sets the weakest class a workflow may use; anything weaker blocks the gate.',
  fix: 'Move the step up the table (OIDC where the provider supports it, else a short-lived token), or lower `min-auth-level` deliberately in .github/deploy-gates.yml.',
  check: ctx => {
    const min = ctx.options.minAuthLevel
    const better = AUTH_CLASSES.filter(c => authRank(c) <= authRank(min)).map(c => AUTH_CLASS_LABEL[c])
    return groupSecrets(ctx.analysis.auth.filter(use => authRank(use.authClass) > authRank(min)))
      .map(use => {
        const job = ctx.file.jobs.find(j => j.id === use.jobId)
        const place = use.jobId === '' ? 'the workflow-level `env:`' : where(job, use.step)
        return report(rule, ctx, {
          line: use.line,
          ...(job && { job }),
          ...(use.step && { step: use.step }),
          key: `${use.authClass}:${use.secrets.join(',') || use.method}`,
          message: `${place} authenticates with a ${AUTH_CLASS_LABEL[use.authClass]} (${use.method}); min-auth-level is \`${min}\`, so only ${better.join(', ')} may pass.`,
          fix:
            use.ruleId
              ? `Replace it as ${use.ruleId} describes (see its fix), or set \`oidc-guard: { min-auth-level: ${use.authClass} }\` in .github/deploy-gates.yml if this is an accepted exception.`
              : `Replace it with ${better[0]} authentication, or set \`oidc-guard: { min-auth-level: ${use.authClass} }\` in .github/deploy-gates.yml if this is an accepted exception.`,
          properties: { authClass: use.authClass, minAuthLevel: min, provider: use.provider }
        })
      })
  }
}
