import { report, type WorkflowRule } from '../rule.js'
import { isFirstParty, parseUses } from '../uses.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-013',
  name: 'unused-id-token',
  title: 'Job grants `id-token: write` without a recognisable OIDC consumer',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'An unused grant lets any step of the job mint ID tokens that a cloud role may trust. To avoid false positives the rule stays silent when the job calls a reusable workflow or uses a third-party action that might consume the token; declare run-step consumers with `oidc-guard: { oidc-consumers: [...] }`.',
  fix: 'Remove `id-token: write` from the job, or list the consuming action in `oidc-guard.oidc-consumers` in .github/deploy-gates.yml.',
  check: ctx =>
    ctx.file.jobs.flatMap(job => {
      const scope = job.permissions?.scopes['id-token']
      if (ctx.file.kind !== 'workflow' || scope?.value !== 'write' || job.uses) return []
      if (ctx.analysis.jobAuth(job).some(a => a.idToken)) return []
      const unknownAction = job.steps.some(s => {
        if (!s.uses) return false
        const ref = parseUses(s.uses.value)
        return ref.kind !== 'action' || !isFirstParty(ref)
      })
      if (unknownAction) return []
      return [
        report(rule, ctx, {
          line: scope.line,
          job,
          message: `Job \`${job.id}\` grants \`id-token: write\` but none of its steps is a known OIDC consumer.`,
          fix: `Delete \`id-token: write\` (line ${scope.line}) from \`jobs.${job.id}.permissions\`; if a run step does use the token, add the tool to \`oidc-guard.oidc-consumers\` or add \`# oidc-guard ignore[OG-WF-013] <reason>\` on that line.`
        })
      ]
    })
}
