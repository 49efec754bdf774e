import type { K8sRule } from '../rule.js'
import { containerField } from '../workload.js'
import { containerWord, eachContainer, isWindowsPod } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-002',
  name: 'privilege-escalation',
  title: 'allowPrivilegeEscalation is not false',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent (setuid binaries, file capabilities). Kubernetes defaults it to true, and privileged or CAP_SYS_ADMIN containers always have it. Unset is medium; an explicit true (or privileged) is high.',
  fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  anchors: { trivy: 'KSV-0001', 'kube-linter': 'privilege-escalation-container', polaris: 'privilegeEscalationAllowed', pss: 'Restricted' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (isWindowsPod(w)) return
      const ape = containerField(c, 'allowPrivilegeEscalation')
      const privileged = containerField(c, 'privileged')
      const word = containerWord(c)
      if (ape?.value === true) {
        ctx.report({ line: ape.line, container: c.name, severity: 'high', message: `${word} explicitly allows privilege escalation` })
      } else if (privileged?.value === true && ape?.value !== false) {
        ctx.report({ line: privileged.line, container: c.name, severity: 'high', message: `${word} is privileged, which always allows privilege escalation` })
      } else if (ape?.value !== false) {
        ctx.report({ line: c.line, container: c.name, message: `${word} does not set allowPrivilegeEscalation: false (Kubernetes defaults it to true)` })
      }
    })
  }
}
