import { report, type WorkflowRule } from '../rule.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-011',
  name: 'workflow-level-id-token',
  title: '`id-token: write` granted to every job of the workflow',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A workflow-level grant lets every job — test jobs running third-party code included — mint ID tokens that cloud roles may trust. Grant it only to the job that deploys. With a single job the grant is equivalent to a job-level one (low).',
  fix: 'Remove `id-token: write` from the top-level `permissions:` and add it to the permissions of the job(s) that consume OIDC.',
  anchors: { zizmor: 'excessive-permissions', scorecard: 'Token-Permissions (scorecard-action: no workflow-level write)' },
  check: ctx => {
    const perms = ctx.file.permissions
    const scope = perms?.scopes['id-token']
    if (ctx.file.kind !== 'workflow' || scope?.value !== 'write') return []
    const consumers = ctx.file.jobs.filter(job => ctx.analysis.jobAuth(job).some(a => a.idToken) || job.uses)
    const others = Object.entries(perms!.scopes)
      .filter(([name]) => name !== 'id-token')
      .map(([name, level]) => `${name}: ${level.value}`)
    const target = consumers.length > 0 ? consumers.map(j => j.id) : ['<deploy-job>']
    const jobBlock = target.map(id => `  ${id}:\n    permissions:\n${[...others, 'id-token: write'].map(s => `      ${s}`).join('\n')}`).join('\n')
    return [
      report(rule, ctx, {
        line: scope.line,
        severity: ctx.file.jobs.length <= 1 ? 'low' : rule.severity,
        message:
          `The workflow grants \`id-token: write\` to all ${ctx.file.jobs.length} job(s)` +
          (consumers.length > 0 ? `; only ${consumers.map(j => `\`${j.id}\``).join(', ')} consume(s) OIDC.` : ' and no job has a recognisable OIDC consumer.'),
        fix: `Delete \`id-token: write\` from the top-level permissions (line ${scope.line}) and grant it per job:\njobs:\n${jobBlock}`
      })
    ]
  }
}
