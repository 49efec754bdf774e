import { namespaceKey } from '../lintset.js'
import { lineOf, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-024',
  name: 'automount-service-account-token',
  title: 'Service-account token is automounted',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'Every pod gets an API token mounted unless told otherwise; a compromised container can then talk to the Kubernetes API with it.',
  fix: 'Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount) unless the application calls the Kubernetes API.',
  anchors: { trivy: 'KSV-0036', polaris: 'automountServiceAccountToken' },
  check(o, ctx) {
    withWorkload(o, w => {
      const own = w.podSpec.automountServiceAccountToken
      if (own === false) return
      if (own === true) {
        ctx.report({ line: lineOf(w.podSpec, 'automountServiceAccountToken'), message: 'pod sets automountServiceAccountToken: true' })
        return
      }
      const saName = str(w.podSpec.serviceAccountName) ?? str(w.podSpec.serviceAccount) ?? 'default'
      const sa = ctx.set.inNamespace('ServiceAccount', namespaceKey(o)).find(s => s.name === saName)
      if (sa && sa.raw.automountServiceAccountToken === false) return
      ctx.report({
        line: o.line,
        message: `pod does not set automountServiceAccountToken: false${sa ? ` and its ServiceAccount "${saName}" does not either` : ` (ServiceAccount "${saName}" is not in the linted files)`}`
      })
    })
  }
}
