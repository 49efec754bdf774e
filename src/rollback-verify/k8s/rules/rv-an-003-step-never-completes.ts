import { limits, stepTemplates, templateKey, templateMetrics } from '../metrics.js'
import type { K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-003',
  name: 'step-never-completes',
  title: 'Metric used in a canary step runs forever',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A metric with an interval and no count is unbounded: fine for background analysis, but an inline analysis step waits for it to finish and the rollout never moves on.',
  fix: 'Give the metric a count (e.g. count: 5 with interval: 1m) or use the template as background analysis.',
  check(ctx) {
    const used = stepTemplates(ctx)
    return templateMetrics(ctx)
      .filter(m => used.has(templateKey(m.object)))
      .filter(m => {
        const l = limits(m.metric)
        return l.interval !== undefined && (m.metric.count === undefined || l.count === 0)
      })
      .map(m => ({ object: m.object, at: [...m.path, 'interval'], message: `Metric ${m.name} has interval ${String(m.metric.interval)} but no count; the canary step that uses it never completes.`, key: m.name }))
  }
}
