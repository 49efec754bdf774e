import { at, num, str } from '../../common/node.js'
import { workloads, type K8sHit, type K8sRule } from '../types.js'

const MAX_DEADLINE = 3600

export const rule: K8sRule = {
  id: 'RV-K8S-004',
  name: 'unsafe-rollout-pacing',
  title: 'Rolling update can take every pod down, or never reports failure',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'maxUnavailable of 100% (or at least the replica count) lets a bad release replace every pod at once; a very long progressDeadlineSeconds means a stuck rollout is not marked failed for hours, so nothing triggers the rollback.',
  fix: 'Keep maxUnavailable below the replica count (e.g. 25%) and progressDeadlineSeconds near the default 600.',
  check(ctx) {
    const hits: K8sHit[] = []
    for (const o of workloads(ctx)) {
      if (o.kind !== 'Deployment' && o.kind !== 'Rollout') continue
      const replicas = num(at(o.data, 'spec', 'replicas')) ?? 1
      const base = o.kind === 'Deployment' ? ['spec', 'strategy', 'rollingUpdate'] : ['spec', 'strategy', 'canary']
      const raw = at(o.data, ...base, 'maxUnavailable')
      const pct = str(raw)?.endsWith('%') ? num(str(raw)?.slice(0, -1)) : undefined
      const abs = num(raw)
      if ((pct !== undefined && pct >= 100) || (abs !== undefined && abs >= replicas && replicas > 1)) {
        hits.push({ object: o, at: [...base, 'maxUnavailable'], message: `${o.kind} ${o.name}: maxUnavailable ${String(raw)} lets every replica go down during a rollout.`, key: 'maxUnavailable' })
      }
      const deadline = num(at(o.data, 'spec', 'progressDeadlineSeconds'))
      if (deadline !== undefined && deadline > MAX_DEADLINE) {
        hits.push({ object: o, at: ['spec', 'progressDeadlineSeconds'], message: `${o.kind} ${o.name}: progressDeadlineSeconds ${deadline} delays failure detection by more than an hour.`, key: 'deadline' })
      }
    }
    return hits
  }
}
