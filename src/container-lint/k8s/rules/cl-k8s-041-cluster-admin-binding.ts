import { lineOf, obj } from '../model.js'
import type { K8sRule } from '../rule.js'

export const rule: K8sRule = {
  id: 'CL-K8S-041',
  name: 'cluster-admin-binding',
  title: 'Binding to cluster-admin',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'cluster-admin can do anything in every namespace; a subject bound to it turns any compromise of that subject into a cluster compromise.',
  fix: 'Bind a Role or ClusterRole with only the permissions needed.',
  anchors: { trivy: 'KSV-0111', 'kube-linter': 'cluster-admin-role-binding', polaris: 'clusterrolebindingClusterAdmin' },
  check(o, ctx) {
    if (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') return
    const ref = obj(o.raw.roleRef)
    if (ref && ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
      ctx.report({ line: lineOf(ref, 'name'), message: `${o.kind} grants cluster-admin` })
    }
  }
}
