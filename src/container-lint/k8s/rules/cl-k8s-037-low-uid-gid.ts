import { num } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-037',
  name: 'low-uid-gid',
  title: 'runAsUser / runAsGroup at or below 10000',
  severity: 'low',
  kind: 'misconfiguration',
  enabledByDefault: false,
  rationale: 'Low ids can collide with real users and groups on the node, which matters after a container escape. Off by default: it mostly matters on nodes without user namespaces.',
  fix: 'Use ids above 10000 (e.g. 10001) for runAsUser and runAsGroup.',
  anchors: { trivy: 'KSV-0020, KSV-0021', 'kube-score': 'container-security-context-user-group-id' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      for (const field of ['runAsUser', 'runAsGroup'] as const) {
        const e = effective(w, c, field)
        const id = num(e?.value)
        // 0 is reported by CL-K8S-004.
        if (e && id !== undefined && id > 0 && id <= 10000) {
          ctx.report({ line: e.line, container: c.name, key: field, message: `${containerWord(c)} has ${field}: ${id} (≤ 10000)` })
        }
      }
    })
  }
}
