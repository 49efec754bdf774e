import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { isSet, resourcesOf } from './resources.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-016',
  name: 'cpu-request-missing',
  title: 'CPU request missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without a CPU request the scheduler places the pod blind and it gets the lowest CPU share under contention. A CPU limit alone counts: Kubernetes then defaults the request to the limit.',
  fix: 'Set `resources.requests.cpu` on the container (size it from observed usage).',
  anchors: { trivy: 'KSV-0015', 'kube-linter': 'unset-cpu-requirements', polaris: 'cpuRequestsMissing', 'kube-score': 'container-resources' },
  check(o, ctx) {
    eachContainer(o, c => {
      // Init containers run to completion before the app starts; ephemeral ones cannot set resources.
      if (!isLongLived(c)) return
      const { requests, limits } = resourcesOf(c)
      if (isSet(requests.cpu) || isSet(limits.cpu)) return
      ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no cpu request` })
    })
  }
}
