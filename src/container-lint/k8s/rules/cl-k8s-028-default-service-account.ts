import { lineOf, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-028',
  name: 'default-service-account',
  title: 'Pod uses the default ServiceAccount',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'Pods sharing the namespace default ServiceAccount share whatever RBAC anyone ever granted it; a dedicated account keeps permissions per workload.',
  fix: 'Create a ServiceAccount for the workload and set `serviceAccountName` on the pod spec.',
  anchors: { 'kube-linter': 'default-service-account' },
  check(o, ctx) {
    withWorkload(o, w => {
      const name = str(w.podSpec.serviceAccountName) ?? str(w.podSpec.serviceAccount)
      if (name && name !== 'default') return
      const line = name ? lineOf(w.podSpec, w.podSpec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount') : o.line
      ctx.report({ line, message: name ? 'pod explicitly uses the default ServiceAccount' : 'pod sets no serviceAccountName and runs as the default ServiceAccount' })
    })
  }
}
