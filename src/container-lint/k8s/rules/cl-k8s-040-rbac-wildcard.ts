import { isObj, lineOf, list } from '../model.js'
import type { K8sRule } from '../rule.js'

export const rule: K8sRule = {
  id: 'CL-K8S-040',
  name: 'rbac-wildcard',
  title: 'RBAC rule uses a wildcard',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A `*` in verbs, resources or apiGroups grants today\'s and every future permission in that scope, including ones added by new CRDs.',
  fix: 'List the exact verbs, resources and apiGroups the subject needs.',
  anchors: { trivy: 'KSV-0044, KSV-0045, KSV-0046', 'kube-linter': 'wildcard-in-rules' },
  check(o, ctx) {
    if (o.kind !== 'Role' && o.kind !== 'ClusterRole') return
    list(o.raw.rules).forEach((r, i) => {
      if (!isObj(r)) return
      for (const field of ['verbs', 'resources', 'apiGroups'] as const) {
        const values = list(r[field])
        const at = values.findIndex(v => v === '*')
        if (at >= 0) ctx.report({ line: lineOf(values, at), key: `${i}:${field}`, message: `rule #${i + 1} grants * in ${field}` })
      }
    })
  }
}
