import { str } from '../../common/node.js'
import { complementary, templateMetrics, valueProvider } from '../metrics.js'
import type { K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-AN-007',
  name: 'inconclusive-gap',
  title: 'Success and failure conditions leave an Inconclusive gap',
  severity: 'info',
  kind: 'misconfiguration',
  rationale: 'When both conditions are set and both are false, the measurement is Inconclusive and the Rollout pauses for a human instead of continuing or rolling back.',
  fix: 'Use only one condition, or make the failure condition the exact negation of the success condition, unless the manual pause is intended.',
  check(ctx) {
    return templateMetrics(ctx)
      .filter(m => valueProvider(m.metric))
      .filter(m => {
        const s = str(m.metric.successCondition)
        const f = str(m.metric.failureCondition)
        return s !== undefined && f !== undefined && !complementary(s, f)
      })
      .map(m => ({ object: m.object, at: [...m.path, 'failureCondition'], message: `Metric ${m.name}: values that meet neither condition are Inconclusive and pause the rollout for manual judgment.`, key: m.name }))
  }
}
