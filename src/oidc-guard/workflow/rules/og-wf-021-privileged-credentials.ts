import type { Finding } from '../../../core/finding.js'
import { idTokenState, governingPermissions } from '../permissions.js'
import { lower, report, type WorkflowRule } from '../rule.js'
import { privilegedTriggersOfJob, sameRepoGuard } from '../triggers.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-021',
  name: 'privileged-credentials',
  title: 'Credentials reachable in a job started by a privileged trigger',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Outside contributors can start `pull_request_target`, `workflow_run` and `issue_comment` runs. Any ID token, cloud key, PAT or stored secret in such a job is one injection or compromised action away from them. GITHUB_TOKEN alone is not counted. Medium when the job only runs for same-repository PRs.',
  fix: 'Split the workflow: keep the privileged trigger for labelling/commenting with GITHUB_TOKEN only, and move credentialed work (deploys, publishing, cloud access) to `push`/`workflow_dispatch`/environment-protected jobs.',
  anchors: { scorecard: 'Dangerous-Workflow (secrets in pull_request_target)', poutine: 'ReferencedSecrets' },
  check: ctx => {
    const out: Finding[] = []
    for (const job of ctx.file.jobs) {
      const triggers = privilegedTriggersOfJob(ctx.file, job)
      if (triggers.length === 0) continue
      const creds = ctx.analysis.jobAuth(job).filter(a => a.authClass !== 'short-lived')
      const idToken = idTokenState(ctx.file, job) === 'write'
      if (creds.length === 0 && !idToken) continue
      const what = [...new Set(creds.map(c => (c.secrets.length ? c.secrets.map(s => (s === '*' ? 'all secrets' : `secrets.${s}`)).join(', ') : c.method)))]
      if (idToken) what.unshift('`id-token: write`')
      const perms = governingPermissions(ctx.file, job).perms
      const line = creds[0]?.line ?? perms?.scopes['id-token']?.line ?? perms?.line ?? job.line
      const guarded = sameRepoGuard(job)
      out.push(
        report(rule, ctx, {
          line,
          job,
          ...(creds[0]?.step && { step: creds[0].step }),
          severity: guarded ? lower(rule.severity) : rule.severity,
          message:
            `Job \`${job.id}\` can be started by ${triggers.map(t => `\`${t.name}\``).join(', ')} and holds credentials: ${what.join('; ')}.` +
            (guarded ? ' The job condition limits it to same-repository pull requests.' : ''),
          fix: `Move the credentialed steps of \`${job.id}\` to a workflow triggered by \`push\` or \`workflow_dispatch\` (with \`environment:\` protection), or remove them from this job; leave the privileged workflow with \`permissions: { contents: read, pull-requests: write }\` and GITHUB_TOKEN only.`
        })
      )
    }
    return out
  }
}
