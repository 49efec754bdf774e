import { str } from '../../common/node.js'
import { templateMetrics, valueProvider } from '../metrics.js'
import type { K8sHit, K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-001',
  name: 'unguarded-result',
  title: 'Analysis condition indexes result[0] without guarding empty or NaN results',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'An empty Prometheus vector makes result[0] an Error measurement (five in a row abort the rollout with a cryptic message), and a 0/0 success rate with no traffic is NaN, which fails every comparison.',
  fix: 'Guard the condition: len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.99 (or write the query with `or vector(1)`).',
  anchors: { argo: 'issues #1466, #2101, #180' },
  check(ctx) {
    const hits: K8sHit[] = []
    for (const m of templateMetrics(ctx)) {
      if (!valueProvider(m.metric)) continue
      for (const field of ['successCondition', 'failureCondition'] as const) {
        const cond = str(m.metric[field])
        if (!cond || !/result\s*\[\s*\d+\s*\]/.test(cond)) continue
        const missing = [!/len\s*\(\s*result\s*\)/.test(cond) && 'len(result) > 0', !/isNaN\s*\(/.test(cond) && '!isNaN(result[0])'].filter(Boolean)
        if (missing.length === 0) continue
        hits.push({ object: m.object, at: [...m.path, field], message: `Metric ${m.name}: ${field} "${cond}" has no ${missing.join(' / ')} guard; no data or no traffic turns into Error/Failed measurements.`, key: `${m.name}:${field}` })
      }
    }
    return hits
  }
}
