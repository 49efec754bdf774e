import { namespaceKey, namespaceLabel } from '../lintset.js'
import type { K8sRule } from '../rule.js'
import { isDefaultDeny } from './network-policy.js'

export const rule: K8sRule = {
  id: 'CL-K8S-026',
  name: 'default-deny-missing',
  title: 'Namespace has workloads but no default-deny NetworkPolicy',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Without a default-deny policy, every new workload in the namespace is open until someone remembers to write a policy for it. Reported once per namespace of the lint set, at its Namespace object if linted, else at its first workload.',
  fix: 'Add `kind: NetworkPolicy` with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no rules, then allow the needed flows explicitly.',
  anchors: { trivy: 'KSV-0038 (related)' },
  check(o, ctx) {
    let ns: string
    if (o.kind === 'Namespace') {
      ns = o.name
    } else {
      ns = namespaceKey(o)
      const first = ctx.set.inNamespace('#workload', ns)[0]
      if (first !== o || (ns !== '' && ctx.set.namespaceObject(ns))) return
    }
    const workloads = ctx.set.inNamespace('#workload', ns)
    if (workloads.length === 0) return
    if (ctx.set.inNamespace('NetworkPolicy', ns).some(isDefaultDeny)) return
    ctx.report({
      line: o.line,
      key: `namespace:${ns}`,
      message: `namespace ${namespaceLabel(ns)} has ${workloads.length} workload(s) in the linted files but no default-deny NetworkPolicy`
    })
  }
}
