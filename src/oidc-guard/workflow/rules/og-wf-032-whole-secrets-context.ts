import type { Finding } from '../../../core/finding.js'
import type { Job } from '../model.js'
import { scalarsUnder } from '../yaml-nodes.js'
import { report, type RuleContext, type WorkflowRule } from '../rule.js'

const WHOLE = /toJSON\s*\(\s*secrets\s*\)|\bsecrets\s*\[\s*(?!['"])[^\]]+\]/i

export const rule: WorkflowRule = {
  id: 'OG-WF-032',
  name: 'whole-secrets-context',
  title: 'Whole secrets context exposed',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    '`toJSON(secrets)` serialises every secret the job can see into one value, and `secrets[<expression>]` lets run-time data choose which secret to read; both defeat reviewing which credentials a step receives, and the runner has to load all of them.',
  fix: 'Reference the secrets the step needs by name (`${{ secrets.NAME }}`), one per env var or input.',
  anchors: { zizmor: 'overprovisioned-secrets', poutine: 'job_all_secrets' },
  check: ctx => {
    const out: Finding[] = []
    for (const job of ctx.file.jobs) out.push(...scan(ctx, job))
    return out
  }
}

function scan(ctx: RuleContext, job: Job): Finding[] {
  const out: Finding[] = []
  for (const scalar of scalarsUnder(job.node, n => ctx.file.lineOf(n))) {
    const m = WHOLE.exec(scalar.value)
    if (!m) continue
    const step = job.steps.find(s => scalar.line >= s.line && scalar.line <= s.endLine)
    out.push(
      report(rule, ctx, {
        line: ctx.file.lineOfText(scalar.node, m[0]),
        job,
        ...(step && { step }),
        key: m[0].replace(/\s+/g, ''),
        message: `${step ? `Step ${step.name ? `\`${step.name}\`` : step.index + 1} of job` : 'Job'} \`${job.id}\` reads the whole secrets context with \`${m[0]}\`.`,
        fix: 'Replace it with the individual secrets, e.g.\nenv:\n  API_TOKEN: ${{ secrets.API_TOKEN }}\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}'
      })
    )
  }
  return out
}
