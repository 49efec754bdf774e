import { at } from '../../common/node.js'
import { templateRefs } from '../analysis-refs.js'
import { rollouts, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-006',
  name: 'canary-without-analysis',
  title: 'Argo canary without analysis',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A canary with no analysis (background or step) never aborts on its own: a bad release is promoted unless a human watches the metrics.',
  fix: 'Add strategy.canary.analysis (background) or analysis steps that reference an AnalysisTemplate measuring success rate or latency.',
  anchors: { argo: 'docs/features/analysis.md' },
  check(ctx) {
    return rollouts(ctx)
      .filter(o => at(o.data, 'spec', 'strategy', 'canary') !== undefined)
      .filter(o => templateRefs(o).every(r => r.use !== 'step' && r.use !== 'background'))
      .map(o => ({ object: o, at: ['spec', 'strategy', 'canary'], message: `Rollout ${o.name}: canary has no analysis, so nothing aborts a bad release automatically.` }))
  }
}
