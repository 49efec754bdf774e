import { str } from '../../common/node.js'
import { comparisons, templateMetrics } from '../metrics.js'
import type { K8sHit, K8sRule } from '../types.js'

export const DEFAULT_MIN_SUCCESS_RATE = 0.99

export const rule: K8sRule = {
  id: 'RV-AN-006',
  name: 'weak-threshold',
  title: 'Success-rate threshold weaker than policy',
  severity: 'medium',
  kind: 'policy',
  rationale: 'A canary that passes at, say, 90% success lets a release that fails one request in ten reach everyone. The policy minimum (default 0.99) is configurable with min-success-rate.',
  fix: 'Raise the threshold (e.g. result[0] >= 0.99), or lower min-success-rate in the rollback-verify config if the service really tolerates more errors.',
  check(ctx) {
    const min = ctx.config['min-success-rate'] ?? DEFAULT_MIN_SUCCESS_RATE
    const hits: K8sHit[] = []
    for (const m of templateMetrics(ctx)) {
      // Only ratios (0,1) are success rates; latency or counts use other units.
      const success = comparisons(str(m.metric.successCondition) ?? '').filter(c => (c.op === '>=' || c.op === '>') && c.value > 0 && c.value < 1)
      // With a success condition, values between the two are Inconclusive (a pause), so only it decides what passes.
      const failure = m.metric.successCondition !== undefined ? [] : comparisons(str(m.metric.failureCondition) ?? '').filter(c => (c.op === '<' || c.op === '<=') && c.value > 0 && c.value < 1)
      const weak = [...success.map(c => ['successCondition', c.value] as const), ...failure.map(c => ['failureCondition', c.value] as const)].find(([, v]) => v < min)
      if (weak) hits.push({ object: m.object, at: [...m.path, weak[0]], message: `Metric ${m.name} accepts a success rate of ${weak[1]}, below the policy minimum ${min}.`, key: m.name })
    }
    return hits
  }
}
