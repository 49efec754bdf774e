import type { Finding } from '../../../core/finding.js'
import { lower, report, type WorkflowRule } from '../rule.js'
import { executesCodeAfter, findPrCheckout, privilegedTriggersOfJob, sameRepoGuard } from '../triggers.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-020',
  name: 'privileged-checkout',
  title: 'Privileged trigger checks out pull-request code',
  severity: 'critical',
  kind: 'misconfiguration',
  rationale:
    '`pull_request_target`, `workflow_run` and `issue_comment` run with the base repository\'s secrets, a write token and (if granted) ID tokens. Checking out the PR head there and then running anything from the working tree (scripts, build tools, local actions) executes fork-controlled code with those credentials ("pwn request"). Critical when later steps execute code, high otherwise; one level lower when checkout\'s 2026 fork guard applies (floating v4–v7 tag, no allow-unsafe-pr-checkout) or the job only runs for same-repository PRs.',
  fix: 'Build and test PR code under `pull_request` (no secrets); if a privileged follow-up is needed, pass results as artifacts to a `workflow_run` job that treats them as data and never executes them.',
  anchors: { zizmor: 'dangerous-triggers', scorecard: 'Dangerous-Workflow (untrusted checkout)', poutine: 'untrusted_checkout_exec' },
  check: ctx => {
    const out: Finding[] = []
    for (const job of ctx.file.jobs) {
      const triggers = privilegedTriggersOfJob(ctx.file, job)
      if (triggers.length === 0) continue
      const checkout = findPrCheckout(ctx.file, job, triggers)
      if (!checkout) continue
      const exec = executesCodeAfter(job, checkout.step)
      let severity = exec ? rule.severity : 'high'
      const notes: string[] = []
      if (checkout.guarded) {
        severity = lower(severity)
        notes.push('actions/checkout on a floating v4–v7 tag refuses fork PR code under this trigger unless allow-unsafe-pr-checkout is set, which lowers the risk for fork PRs')
      }
      if (sameRepoGuard(job)) {
        severity = lower(severity)
        notes.push('the job condition limits it to same-repository pull requests')
      }
      const names = triggers.map(t => `\`${t.name}\``).join(', ')
      out.push(
        report(rule, ctx, {
          line: checkout.line,
          job,
          step: checkout.step,
          severity,
          message:
            `Job \`${job.id}\` runs on ${names} and checks out pull-request code (${checkout.how})` +
            (exec ? `, then executes code from it (step ${exec.name ? `\`${exec.name}\`` : exec.index + 1}).` : '.') +
            (notes.length ? ` Note: ${notes.join('; ')}.` : ''),
          fix:
            'Move the build/test of PR code to a workflow triggered by `pull_request` (no secrets, read-only token). If the privileged job must look at PR files, check them out into a separate path with `persist-credentials: false`, never execute them, and keep secrets and `id-token: write` out of that job.' +
            (checkout.guarded ? '' : ' With actions/checkout, use a floating v4+ tag and do not set `allow-unsafe-pr-checkout: true`.')
        })
      )
    }
    return out
  }
}
