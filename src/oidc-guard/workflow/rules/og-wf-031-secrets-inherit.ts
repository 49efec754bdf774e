import { report, type WorkflowRule } from '../rule.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-031',
  name: 'secrets-inherit',
  title: '`secrets: inherit` passes every secret to a reusable workflow',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    '`secrets: inherit` hands the called workflow every repository, environment and organisation secret the caller can see, whether it needs them or not — and a change in the callee (or its ref) can start using them.',
  fix: 'Pass only the secrets the called workflow declares under `on.workflow_call.secrets`, by name.',
  anchors: { zizmor: 'secrets-inherit' },
  check: ctx =>
    ctx.file.jobs
      .filter(job => job.secrets?.inherit)
      .map(job =>
        report(rule, ctx, {
          line: job.secrets!.line,
          job,
          message: `Job \`${job.id}\` calls \`${job.uses?.value ?? 'a reusable workflow'}\` with \`secrets: inherit\`, exposing every secret of the caller.`,
          fix: `Replace \`secrets: inherit\` with the secrets the callee declares, e.g.\n  ${job.id}:\n    uses: ${job.uses?.value ?? '<owner>/<repo>/.github/workflows/<file>.yml@<sha>'}\n    secrets:\n      DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}`
        })
      )
}
