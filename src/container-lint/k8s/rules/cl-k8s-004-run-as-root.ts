import { lineOf, list, num } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective } from '../workload.js'
import { containerWord, eachContainer, isWindowsPod, withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-004',
  name: 'run-as-root',
  title: 'Runs explicitly as root user or group',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'runAsUser: 0 runs the process as root; group 0 (runAsGroup, fsGroup, supplementalGroups) gives root-group access to files. With runAsNonRoot: true and uid 0 the pod cannot even start.',
  fix: 'Use a non-zero runAsUser, runAsGroup and fsGroup (e.g. 10001) and drop group 0 from supplementalGroups.',
  anchors: { trivy: 'KSV-0105, KSV-0116', 'kube-linter': 'run-as-non-root', pss: 'Restricted' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      if (isWindowsPod(w)) return
      const word = containerWord(c)
      const user = effective(w, c, 'runAsUser')
      if (user && num(user.value) === 0) {
        const contradiction = effective(w, c, 'runAsNonRoot')?.value === true
        ctx.report({
          line: user.line,
          container: c.name,
          key: 'user',
          message: contradiction
            ? `${word} has runAsUser: 0 together with runAsNonRoot: true; the kubelet will refuse to start it`
            : `${word} runs as root (runAsUser: 0${user.level === 'pod' ? ', inherited from the pod' : ''})`
        })
      }
      const group = effective(w, c, 'runAsGroup')
      if (group && num(group.value) === 0) {
        ctx.report({ line: group.line, container: c.name, key: 'group', message: `${word} runs with the root group (runAsGroup: 0${group.level === 'pod' ? ', inherited from the pod' : ''})` })
      }
    })
    withWorkload(o, w => {
      const psc = w.podSecurityContext
      if (!psc || isWindowsPod(w)) return
      if (num(psc.fsGroup) === 0) ctx.report({ line: lineOf(psc, 'fsGroup'), key: 'fsGroup', message: 'pod sets fsGroup: 0 (volumes owned by the root group)' })
      const groups = list(psc.supplementalGroups)
      groups.forEach((g, i) => {
        if (num(g) === 0) ctx.report({ line: lineOf(groups, i), key: 'supplementalGroups', message: 'pod adds the root group (0) to supplementalGroups' })
      })
    })
  }
}
