import { limits, templateMetrics } from '../metrics.js'
import type { K8sHit, K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-004',
  name: 'invalid-limits',
  title: 'Metric limits Argo Rollouts rejects',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Argo validates count, interval and the limits before running an analysis; an invalid metric errors the AnalysisRun, and the rollout aborts or stalls.',
  fix: 'count > 1 needs an interval; count must be at least failureLimit + consecutiveSuccessLimit and at least inconclusiveLimit; failureLimit -1 needs consecutiveSuccessLimit > 0.',
  anchors: { argo: 'utils/analysis ValidateMetric' },
  check(ctx) {
    const hits: K8sHit[] = []
    for (const m of templateMetrics(ctx)) {
      const l = limits(m.metric)
      const problems: string[] = []
      if ((l.count ?? 0) > 1 && !l.interval) problems.push(`count ${l.count} without interval`)
      const fl = l.failureLimit ?? 0
      const csl = l.consecutiveSuccessLimit ?? 0
      if (l.count !== undefined && l.count > 0 && fl >= 0 && csl >= 0 && l.count < fl + csl) problems.push(`count ${l.count} < failureLimit ${fl} + consecutiveSuccessLimit ${csl}`)
      if (l.count !== undefined && l.count > 0 && l.count < (l.inconclusiveLimit ?? 0)) problems.push(`count ${l.count} < inconclusiveLimit ${l.inconclusiveLimit}`)
      if (fl < -1) problems.push(`failureLimit ${fl} < -1`)
      if (fl === -1 && csl <= 0) problems.push('failureLimit -1 without consecutiveSuccessLimit')
      if (problems.length > 0) hits.push({ object: m.object, at: m.path, message: `Metric ${m.name} is invalid: ${problems.join('; ')}.`, key: m.name })
    }
    return hits
  }
}
