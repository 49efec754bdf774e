import { report, type WorkflowRule } from '../rule.js'
import { privilegedTriggers } from '../triggers.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-022',
  name: 'privileged-trigger',
  title: 'Privileged trigger in use',
  severity: 'info',
  kind: 'misconfiguration',
  rationale:
    'Labelers and commenters legitimately need `pull_request_target` / `workflow_run` / `issue_comment`, so the trigger alone is only informational; OG-WF-020 and OG-WF-021 report the combinations that are dangerous.',
  fix: 'Keep the workflow free of PR-code checkouts and of credentials beyond a minimal GITHUB_TOKEN, or use `pull_request` if base-repository privileges are not needed.',
  anchors: { zizmor: 'dangerous-triggers' },
  check: ctx =>
    privilegedTriggers(ctx.file).map(trigger =>
      report(rule, ctx, {
        line: trigger.line,
        key: trigger.name,
        message: `The workflow runs on \`${trigger.name}\`, which has base-repository privileges while outsiders control part of the input.`,
        fix: `If the workflow only needs to read the PR, use \`pull_request\` instead of \`${trigger.name}\`; otherwise keep \`permissions:\` minimal and never check out or execute PR code here.`
      })
    )
}
