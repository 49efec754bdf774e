import { at, str } from '../../common/node.js'
import { containers, workloads, type K8sHit, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-002',
  name: 'no-readiness-probe',
  title: 'No readinessProbe on the pod template',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without a readiness probe a pod counts as ready as soon as it starts, so a broken release replaces healthy pods, `rollout status` reports success, and the progress deadline never trips.',
  fix: 'Add a readinessProbe (HTTP health endpoint or exec) to the serving container.',
  anchors: { 'kube-score': 'container-readiness-probe' },
  check(ctx) {
    const hits: K8sHit[] = []
    for (const o of workloads(ctx)) {
      if (o.kind === 'DaemonSet') continue
      // No selector: a kustomize patch or other fragment, not the whole object; the probe may live in the base.
      if (at(o.data, 'spec', 'selector') === undefined && at(o.data, 'spec', 'workloadRef') === undefined) continue
      const main = containers(o).filter(c => c.path[3] === 'containers')
      if (main.length === 0 || main.some(c => c.container.readinessProbe !== undefined)) continue
      const names = main.map(c => str(c.container.name) ?? '?').join(', ')
      if (at(o.data, 'spec', 'template') === undefined) continue
      hits.push({ object: o, at: ['spec', 'template', 'spec', 'containers'], message: `${o.kind} ${o.name}: no container (${names}) has a readinessProbe.` })
    }
    return hits
  }
}
