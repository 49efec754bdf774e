import { namespaceKey } from '../lintset.js'
import type { K8sRule } from '../rule.js'
import { isLongLived, podLabels } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout'])

export const rule: K8sRule = {
  id: 'CL-K8S-020',
  name: 'readiness-probe-missing',
  title: 'Readiness probe missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without a readiness probe a Service sends traffic to a pod as soon as its process starts, before it can answer, and keeps sending it while the pod is overloaded; rolling updates then drop requests.',
  fix: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
  anchors: { 'kube-linter': 'no-readiness-probe', polaris: 'readinessProbeMissing', 'kube-score': 'pod-probes' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (!isLongLived(c)) return
      if (!SERVING_KINDS.has(o.kind)) {
        // A DaemonSet needs readiness only when a Service in the lint set sends it traffic.
        if (o.kind !== 'DaemonSet') return
        const labels = podLabels(w)
        if (!ctx.set.serviceSelects(namespaceKey(o), labels)) return
      }
      if (c.raw.readinessProbe === undefined || c.raw.readinessProbe === null) {
        ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no readinessProbe` })
      }
    })
  }
}
