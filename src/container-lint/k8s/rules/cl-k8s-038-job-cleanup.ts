import { list, obj } from '../model.js'
import type { K8sRule } from '../rule.js'

export const rule: K8sRule = {
  id: 'CL-K8S-038',
  name: 'job-cleanup',
  title: 'Job without TTL / CronJob without deadline or concurrency policy',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Finished Jobs and their pods pile up without ttlSecondsAfterFinished; a CronJob without startingDeadlineSeconds can start a burst of missed runs after an outage, and without concurrencyPolicy runs can overlap.',
  fix: 'Set `spec.ttlSecondsAfterFinished` on Jobs; set `startingDeadlineSeconds` and `concurrencyPolicy: Forbid` (or Replace) on CronJobs.',
  anchors: { 'kube-linter': 'job-ttl-seconds-after-finished', 'kube-score': 'cronjob-has-deadline' },
  check(o, ctx) {
    const spec = obj(o.raw.spec)
    if (!spec) return
    if (o.kind === 'Job') {
      // Jobs created by a CronJob are cleaned up through its history limits.
      if (list(o.metadata.ownerReferences).length > 0) return
      if (spec.ttlSecondsAfterFinished === undefined) ctx.report({ line: o.line, key: 'ttl', message: 'Job sets no ttlSecondsAfterFinished' })
    } else if (o.kind === 'CronJob') {
      const missing = ['startingDeadlineSeconds', 'concurrencyPolicy'].filter(k => spec[k] === undefined)
      if (missing.length > 0) ctx.report({ line: o.line, key: 'deadline', message: `CronJob sets no ${missing.join(' and no ')}` })
    }
  }
}
