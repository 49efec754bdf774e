import { idTokenState, permissionsWithIdToken } from '../permissions.js'
import { report, where, type WorkflowRule } from '../rule.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-010',
  name: 'oidc-without-id-token',
  title: 'OIDC consumer in a job without `id-token: write`',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    '`id-token` is `none` under both default token settings, so a job without `id-token: write` in its effective permissions gets no ACTIONS_ID_TOKEN_REQUEST_URL and every OIDC login fails ("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"). Teams then fall back to stored keys.',
  fix: 'Grant `id-token: write` on the job that consumes OIDC (keeping the other scopes it needs, e.g. `contents: read`).',
  anchors: { github: 'OIDC reference: adding permissions settings' },
  check: ctx => {
    if (ctx.file.kind !== 'workflow') return []
    return ctx.file.jobs.flatMap(job => {
      const consumers = ctx.analysis.jobAuth(job).filter(a => a.idToken === 'required')
      const first = consumers[0]
      if (!first || idTokenState(ctx.file, job) !== 'none') return []
      const names = [...new Set(consumers.map(c => c.method))]
      return [
        report(rule, ctx, {
          line: first.line,
          job,
          ...(first.step && { step: first.step }),
          message: `${where(job, first.step)} uses OIDC (${names.join('; ')}) but the job's effective permissions do not grant \`id-token: write\`, so the token request fails.`,
          fix: `Set the job's permissions (job-level permissions replace the workflow's, so keep the scopes it needs):\n${permissionsWithIdToken(ctx.file, job)}`
        })
      ]
    })
  }
}
