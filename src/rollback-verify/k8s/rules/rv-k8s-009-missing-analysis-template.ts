import { templateRefs } from '../analysis-refs.js'
import { rollouts, type K8sHit, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-009',
  name: 'missing-analysis-template',
  title: 'Analysis references a template that is not in the scanned files',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A Rollout whose AnalysisTemplate does not exist fails to start its analysis (the rollout degrades), or the analysis you think guards the release lives somewhere unreviewed.',
  fix: 'Add the AnalysisTemplate / ClusterAnalysisTemplate to the scanned paths, or fix the templateName.',
  check(ctx) {
    const hits: K8sHit[] = []
    for (const o of rollouts(ctx)) {
      for (const ref of templateRefs(o)) {
        const key = ref.clusterScope ? `cluster/${ref.name}` : ref.name
        if (ctx.templates.has(key)) continue
        hits.push({ object: o, at: ref.at, message: `Rollout ${o.name} references ${ref.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'} ${ref.name}, which is not in the scanned files.`, key })
      }
    }
    return hits
  }
}
