import { at, obj } from '../../common/node.js'
import { rollouts, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-008',
  name: 'bluegreen-auto-promotion',
  title: 'Blue-green auto-promotes without analysis',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'autoPromotionEnabled defaults to true: without pre- or post-promotion analysis the green stack takes all traffic as soon as it is ready, whatever its error rate.',
  fix: 'Add prePromotionAnalysis (and/or postPromotionAnalysis), or set autoPromotionEnabled: false and promote after checks.',
  check(ctx) {
    return rollouts(ctx)
      .filter(o => {
        const bg = obj(at(o.data, 'spec', 'strategy', 'blueGreen'))
        return bg !== undefined && bg.autoPromotionEnabled !== false && !bg.prePromotionAnalysis && !bg.postPromotionAnalysis
      })
      .map(o => ({ object: o, at: ['spec', 'strategy', 'blueGreen'], message: `Rollout ${o.name}: blue-green promotes automatically with no analysis to stop a bad release.` }))
  }
}
