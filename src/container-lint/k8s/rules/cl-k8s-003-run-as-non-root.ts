import { num } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective } from '../workload.js'
import { containerWord, eachContainer, isWindowsPod } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-003',
  name: 'run-as-non-root',
  title: 'Non-root is not enforced',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without runAsNonRoot: true (or a non-zero runAsUser) the container runs as whatever user the image says, which is root for most images. The kubelet refuses to start a root container only when runAsNonRoot is true.',
  fix: 'Set `runAsNonRoot: true` and a numeric `runAsUser` > 0 in the pod securityContext (inherited by every container) or per container.',
  anchors: { trivy: 'KSV-0012', 'kube-linter': 'run-as-non-root', polaris: 'runAsRootAllowed', pss: 'Restricted' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (isWindowsPod(w)) return
      const nonRoot = effective(w, c, 'runAsNonRoot')
      const user = effective(w, c, 'runAsUser')
      const uid = num(user?.value)
      if (nonRoot?.value === true || (uid !== undefined && uid > 0)) return
      if (uid === 0) return // explicit root: CL-K8S-004 reports it
      const word = containerWord(c)
      if (nonRoot?.value === false) {
        ctx.report({ line: nonRoot.line, container: c.name, message: `${word} inherits or sets runAsNonRoot: false and no runAsUser > 0` })
      } else {
        ctx.report({ line: c.line, container: c.name, message: `${word} sets neither runAsNonRoot: true nor runAsUser > 0 (at container or pod level)` })
      }
    })
  }
}
