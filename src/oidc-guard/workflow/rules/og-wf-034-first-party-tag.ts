import type { Finding } from '../../../core/finding.js'
import { report, type WorkflowRule } from '../rule.js'
import { isFirstParty, isPinned, parseUses } from '../uses.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-034',
  name: 'first-party-tag',
  title: 'GitHub-owned action on a tag (pedantic)',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'actions/* and github/* are maintained by GitHub and commonly trusted on tags, but a tag still moves. Off by default; enable it with `oidc-guard: { enable: [OG-WF-034] }` for a strict hash-pin-everything policy.',
  fix: 'Pin to the full commit SHA with the tag as a comment: `uses: actions/checkout@<40-hex> # v4.2.2`.',
  anchors: { zizmor: 'unpinned-uses policy actions/*: ref-pin' },
  enabledByDefault: false,
  check: ctx => {
    const out: Finding[] = []
    for (const job of ctx.file.jobs) {
      for (const step of job.steps) {
        if (!step.uses) continue
        const ref = parseUses(step.uses.value)
        if (ref.kind !== 'action' || !isFirstParty(ref) || isPinned(ref)) continue
        const target = step.uses.value.replace(/@[^@]*$/, '')
        out.push(
          report(rule, ctx, {
            line: step.uses.line,
            job,
            step,
            key: target,
            message: `\`${step.uses.value}\` is a GitHub-owned action on the mutable ref \`${ref.ref ?? '(none)'}\`.`,
            fix: `Run \`git ls-remote https://github.com/${ref.slug} 'refs/tags/${ref.ref ?? '<tag>'}'\` and write \`uses: ${target}@<40-hex-sha> # ${ref.ref ?? '<tag>'}\`.`
          })
        )
      }
    }
    return out
  }
}
