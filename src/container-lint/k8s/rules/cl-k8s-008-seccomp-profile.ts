import { lineOf, obj, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective, podAnnotations } from '../workload.js'
import { containerWord, eachContainer, isWindowsPod } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-008',
  name: 'seccomp-profile',
  title: 'Seccomp profile unset or Unconfined',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without a seccomp profile the container can use every syscall, including ones used in kernel exploits. Unconfined is forbidden by PSS Baseline; Restricted requires RuntimeDefault or Localhost. Unset is medium; Unconfined is high. The legacy seccomp annotations are not counted (Kubernetes 1.27+ ignores them).',
  fix: 'Set `securityContext.seccompProfile: { type: RuntimeDefault }` at pod level (inherited by every container).',
  anchors: { trivy: 'KSV-0030, KSV-0104', 'kube-score': 'container-seccomp-profile', pss: 'Baseline / Restricted' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (isWindowsPod(w)) return
      const profile = effective(w, c, 'seccompProfile')
      const type = str(obj(profile?.value)?.type)
      const word = containerWord(c)
      if (profile && type === 'Unconfined') {
        ctx.report({ line: lineOf(obj(profile.value), 'type'), container: c.name, severity: 'high', message: `${word} runs with seccomp Unconfined${profile.level === 'pod' ? ' (inherited from the pod)' : ''}` })
      } else if (!profile || (type !== 'RuntimeDefault' && type !== 'Localhost')) {
        const legacy = Object.keys(podAnnotations(w)).some(k => k.startsWith('seccomp.security.alpha.kubernetes.io/') || k.startsWith('container.seccomp.security.alpha.kubernetes.io/'))
        ctx.report({
          line: c.line,
          container: c.name,
          message: `${word} has no seccompProfile (RuntimeDefault or Localhost) at container or pod level${legacy ? '; the legacy seccomp annotations are ignored by Kubernetes 1.27+' : ''}`
        })
      }
    })
  }
}
