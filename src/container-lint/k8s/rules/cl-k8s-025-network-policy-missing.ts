import { namespaceKey, namespaceLabel } from '../lintset.js'
import type { K8sRule } from '../rule.js'
import { podLabels } from '../workload.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-025',
  name: 'network-policy-missing',
  title: 'Workload not selected by any NetworkPolicy',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A pod that no NetworkPolicy selects accepts traffic from every pod in the cluster. Decided over all linted files together, per namespace (a policy in another file counts).',
  fix: 'Add a NetworkPolicy in the same namespace whose podSelector matches the pod labels (a namespace-wide default-deny plus explicit allows is best).',
  anchors: { 'kube-linter': 'non-isolated-pod', polaris: 'missingNetworkPolicy', 'kube-score': 'pod-networkpolicy' },
  check(o, ctx) {
    withWorkload(o, w => {
      const ns = namespaceKey(o)
      const labels = podLabels(w)
      if (ctx.set.networkPolicySelects(ns, labels)) return
      const policies = ctx.set.inNamespace('NetworkPolicy', ns)
      ctx.report({
        line: o.line,
        message: `no NetworkPolicy in namespace ${namespaceLabel(ns)} selects its pods (${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} in the linted files)`
      })
    })
  }
}
