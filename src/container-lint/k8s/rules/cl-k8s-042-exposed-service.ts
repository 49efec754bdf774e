import { lineOf, obj, str } from '../model.js'
import type { K8sRule } from '../rule.js'

export const rule: K8sRule = {
  id: 'CL-K8S-042',
  name: 'exposed-service',
  title: 'Service of type NodePort or LoadBalancer',
  severity: 'low',
  kind: 'misconfiguration',
  enabledByDefault: false,
  rationale: 'NodePort and LoadBalancer Services are reachable from outside the cluster, bypassing the ingress controller and its authentication. Off by default: often intended.',
  fix: 'Use a ClusterIP Service behind an Ingress or Gateway, or restrict `loadBalancerSourceRanges`.',
  anchors: { 'kube-linter': 'exposed-services', 'kube-score': 'service-type' },
  check(o, ctx) {
    if (o.kind !== 'Service') return
    const spec = obj(o.raw.spec)
    const type = str(spec?.type)
    if (type === 'NodePort' || type === 'LoadBalancer') ctx.report({ line: lineOf(spec, 'type'), message: `Service is of type ${type}` })
  }
}
