import picomatch from 'picomatch'
import type { Finding } from '../../../core/finding.js'
import type { Located, Job, Step } from '../model.js'
import { idTokenState } from '../permissions.js'
import { report, where, type RuleContext, type WorkflowRule } from '../rule.js'
import { isFirstParty, isPinned, parseUses, type UsesRef } from '../uses.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-030',
  name: 'unpinned-uses',
  title: 'Third-party action, reusable workflow or image not pinned to a commit SHA / digest',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Tags and branches are mutable: whoever controls the upstream repository (or steals its maintainer\'s token, as in the tj-actions/changed-files compromise) can change the code your job runs. Only a full 40-hex commit SHA, or a sha256 digest for docker images, is immutable. GitHub-owned actions (actions/*, github/*) are exempt here (see OG-WF-034). High in jobs that hold an ID token or cloud credentials.',
  fix: 'Pin to the full commit SHA of the release and keep the tag as a comment (`uses: owner/repo@<40-hex> # v1.2.3`); let Dependabot or Renovate update the pin.',
  anchors: { zizmor: 'unpinned-uses', scorecard: 'Pinned-Dependencies', poutine: 'unpinnable_action' },
  check: ctx => {
    const exempt = ctx.options.pinExempt.length ? picomatch(ctx.options.pinExempt.map(s => s.toLowerCase())) : () => false
    const out: Finding[] = []
    for (const job of ctx.file.jobs) {
      const sensitive = holdsCredentials(ctx, job)
      if (job.uses) {
        const f = check(ctx, job, undefined, job.uses, sensitive, exempt)
        if (f) out.push(f)
      }
      for (const step of job.steps) {
        if (!step.uses) continue
        const f = check(ctx, job, step, step.uses, sensitive, exempt)
        if (f) out.push(f)
      }
    }
    return out
  }
}

function holdsCredentials(ctx: RuleContext, job: Job): boolean {
  return idTokenState(ctx.file, job) === 'write' || ctx.analysis.jobAuth(job).some(a => a.cloud)
}

function check(ctx: RuleContext, job: Job, step: Step | undefined, uses: Located<string>, sensitive: boolean, exempt: (slug: string) => boolean): Finding | undefined {
  const ref = parseUses(uses.value)
  if (ref.kind === 'local' || isPinned(ref)) return undefined
  if (ref.kind !== 'docker' && (isFirstParty(ref) || exempt(ref.slug ?? '') || exempt(`${ref.slug}/${ref.path ?? ''}`))) return undefined
  const what = ref.kind === 'docker' ? 'Docker image' : ref.kind === 'reusable' ? 'Reusable workflow' : 'Action'
  const how = ref.ref === undefined ? 'has no version at all' : `is pinned to the mutable ${ref.kind === 'docker' ? 'tag' : 'ref'} \`${ref.ref}\``
  return report(rule, ctx, {
    line: uses.line,
    job,
    ...(step && { step }),
    key: uses.value.replace(/[@:][^@:/]*$/, ''),
    severity: sensitive ? 'high' : rule.severity,
    message: `${what} \`${uses.value}\` ${how}${sensitive ? `; ${where(job)} holds an ID token or cloud credentials` : ''}.`,
    fix: fixFor(ref)
  })
}

function fixFor(ref: UsesRef): string {
  if (ref.kind === 'docker') {
    const image = ref.raw.slice('docker://'.length)
    return `Pin the image by digest: resolve it with \`docker buildx imagetools inspect ${image}\` and write \`uses: docker://${image.replace(/:[^:/]*$/, '')}@sha256:<digest>\`.`
  }
  const target = ref.raw.replace(/@[^@]*$/, '')
  const repo = ref.slug ?? target
  const tag = ref.ref ?? '<tag>'
  return `Resolve the commit with \`git ls-remote https://github.com/${repo} 'refs/tags/${tag}^{}' 'refs/tags/${tag}' 'refs/heads/${tag}'\` and write \`uses: ${target}@<40-hex-sha> # ${tag}\`.`
}
