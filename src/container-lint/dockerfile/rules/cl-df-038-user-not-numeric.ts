import { effective, userOf } from '../model.js'
import type { DockerfileRule } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-038',
  name: 'user-not-numeric',
  title: 'Final USER is a name, not a numeric UID',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'With `USER app` Kubernetes cannot verify `runAsNonRoot: true` (the kubelet only sees a name, not a uid) and refuses to start the pod; a numeric UID also avoids depending on /etc/passwd. Variables are resolved first; root is reported by CL-DF-001.',
  fix: 'Use the numeric id: `USER 10001:10001` (see CL-K8S-003 for the Kubernetes side).',
  anchors: { hadolint: 'DL3066', related: 'CL-K8S-003' },
  check(model) {
    const user = effective(model, 'USER')
    if (user === undefined) return []
    const name = userOf(user)
    if (name === undefined || /^\d+$/.test(name) || name.toLowerCase() === 'root') return []
    return [{ line: user.line, message: `The final USER "${name}" is a name; Kubernetes runAsNonRoot cannot verify it.` }]
  }
}
