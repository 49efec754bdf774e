import type { Finding } from '../../../core/finding.js'
import { writeScopes } from '../permissions.js'
import { report, type WorkflowRule } from '../rule.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-012',
  name: 'broad-permissions',
  title: 'Missing or over-broad GITHUB_TOKEN permissions',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without a `permissions:` block the token gets the repository default, which is read/write on older repositories and organisations; `write-all` or workflow-level write scopes hand every job (and every action it runs) the power to push code, publish packages or mint ID tokens. Jobs that declare their own permissions are forgiven for the missing top-level block.',
  fix: 'Add `permissions: { contents: read }` at the top of the workflow and grant write scopes only on the jobs that need them.',
  anchors: { zizmor: 'excessive-permissions', scorecard: 'Token-Permissions', poutine: 'default_permissions_on_risky_events' },
  check: ctx => {
    const file = ctx.file
    if (file.kind !== 'workflow') return []
    const out: Finding[] = []
    const perms = file.permissions
    const onlyCalled = file.triggers.length > 0 && file.triggers.every(t => t.name === 'workflow_call')
    if (!perms) {
      const bare = file.jobs.filter(j => !j.permissions && !j.uses)
      if (bare.length > 0 && !onlyCalled) {
        out.push(
          report(rule, ctx, {
            line: file.onLine,
            key: 'missing',
            message: `No \`permissions:\` block: job(s) ${bare.map(j => `\`${j.id}\``).join(', ')} run with the repository's default GITHUB_TOKEN permissions, which may be read/write.`,
            fix: `Add at the top level of the workflow (before \`jobs:\`):\npermissions:\n  contents: read\nand grant writes only where needed, e.g.\njobs:\n  ${bare[0]!.id}:\n    permissions:\n      contents: read`
          })
        )
      }
    } else if (perms.form === 'write-all') {
      out.push(
        report(rule, ctx, {
          line: perms.line,
          key: 'write-all',
          message: 'The workflow grants `write-all` (every scope, `id-token` included) to every job.',
          fix: 'Replace `permissions: write-all` with\npermissions:\n  contents: read\nand add the write scopes (and `id-token: write`) to the individual jobs that need them.'
        })
      )
    } else {
      const writes = writeScopes(perms).filter(s => s !== 'id-token')
      if (writes.length > 0) {
        const first = perms.scopes[writes[0]!]!
        out.push(
          report(rule, ctx, {
            line: first.line,
            key: 'write-scopes',
            severity: file.jobs.length <= 1 ? 'low' : rule.severity,
            message: `The workflow grants write scopes to every job: ${writes.map(s => `\`${s}: write\``).join(', ')}.`,
            fix: `Set the top-level scopes to read (\`${writes.map(s => `${s}: read`).join(', ')}\`) and add \`${writes.map(s => `${s}: write`).join(', ')}\` under \`jobs.<id>.permissions\` of the job(s) that write.`
          })
        )
      }
    }
    for (const job of file.jobs) {
      if (job.permissions?.form !== 'write-all') continue
      out.push(
        report(rule, ctx, {
          line: job.permissions.line,
          job,
          key: 'job-write-all',
          message: `Job \`${job.id}\` grants \`write-all\`, every scope including \`id-token\`.`,
          fix: `List only the scopes the job uses, e.g.\n  ${job.id}:\n    permissions:\n      contents: read`
        })
      )
    }
    return out
  }
}
