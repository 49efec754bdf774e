import { arr, at } from '../../common/node.js'
import { rollouts, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-007',
  name: 'canary-without-steps',
  title: 'Argo canary without steps',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A canary strategy with no steps shifts straight to 100%: it behaves like a rolling update with no chance to stop at a small weight.',
  fix: 'Add steps: setWeight with pauses (and analysis) before full promotion, e.g. 10% → analysis → 50% → analysis.',
  check(ctx) {
    return rollouts(ctx)
      .filter(o => at(o.data, 'spec', 'strategy', 'canary') !== undefined && arr(at(o.data, 'spec', 'strategy', 'canary', 'steps')).length === 0)
      .map(o => ({ object: o, at: ['spec', 'strategy', 'canary'], message: `Rollout ${o.name}: canary has no steps and goes straight to 100%.` }))
  }
}
