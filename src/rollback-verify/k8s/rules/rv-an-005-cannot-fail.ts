import { limits, templateMetrics } from '../metrics.js'
import type { K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-005',
  name: 'cannot-fail',
  title: 'failureLimit is so high the metric can never fail',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Argo fails a metric only when failed > failureLimit; with failureLimit ≥ the number of measurements (count, or 1 without interval) even a metric whose every measurement fails ends Successful.',
  fix: 'Set failureLimit below count (the default 0 fails on the first failed measurement).',
  check(ctx) {
    return templateMetrics(ctx).flatMap(m => {
      const l = limits(m.metric)
      if (l.failureLimit === undefined || l.failureLimit < 0 || (l.consecutiveSuccessLimit ?? 0) > 0) return []
      const effective = l.count !== undefined && l.count > 0 ? l.count : l.interval ? undefined : 1
      if (effective === undefined || l.failureLimit < effective) return []
      return [{ object: m.object, at: [...m.path, 'failureLimit'], message: `Metric ${m.name}: failureLimit ${l.failureLimit} ≥ ${effective} measurement(s), so it can never fail.`, key: m.name }]
    })
  }
}
