import { lineOf, list, obj } from '../model.js'
import type { K8sRule } from '../rule.js'
import { containerWord, eachContainer, isWindowsPod } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-005',
  name: 'drop-all-capabilities',
  title: 'Capabilities are not dropped (drop: [ALL])',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID…) that most applications never need; NET_RAW alone enables ARP/DNS spoofing inside the cluster network.',
  fix: 'Set `securityContext.capabilities.drop: ["ALL"]` and add back only what is needed (usually nothing, at most NET_BIND_SERVICE).',
  anchors: { trivy: 'KSV-0003, KSV-0004', 'kube-linter': 'drop-net-raw-capability', polaris: 'insecureCapabilities', pss: 'Restricted' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (isWindowsPod(w)) return
      const caps = obj(c.securityContext?.capabilities)
      const drop = list(caps?.drop)
      if (drop.some(d => String(d).toUpperCase() === 'ALL')) return
      const line = caps?.drop !== undefined ? lineOf(caps, 'drop') : caps ? lineOf(c.securityContext, 'capabilities') : c.line
      ctx.report({ line, container: c.name, message: `${containerWord(c)} does not drop ALL capabilities` })
    })
  }
}
