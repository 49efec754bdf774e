import { templateMetrics, valueProvider } from '../metrics.js'
import type { K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-002',
  name: 'no-condition',
  title: 'Analysis metric without success or failure condition',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'With neither successCondition nor failureCondition, Argo marks every measurement Successful: the analysis can never fail and the gate is a no-op.',
  fix: 'Add successCondition (e.g. len(result) > 0 && result[0] >= 0.99) and/or failureCondition.',
  check(ctx) {
    return templateMetrics(ctx)
      .filter(m => valueProvider(m.metric) && m.metric.successCondition === undefined && m.metric.failureCondition === undefined)
      .map(m => ({ object: m.object, at: m.path, message: `Metric ${m.name} (${valueProvider(m.metric) ?? ''}) has no condition, so every measurement counts as Successful.`, key: m.name }))
  }
}
