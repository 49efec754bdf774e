import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { isSet, resourcesOf } from './resources.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-017',
  name: 'memory-request-missing',
  title: 'Memory request missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without a memory request the scheduler can overcommit the node and the pod is among the first evicted. A memory limit alone counts: Kubernetes then defaults the request to the limit.',
  fix: 'Set `resources.requests.memory` on the container (size it from observed usage).',
  anchors: { trivy: 'KSV-0016', 'kube-linter': 'unset-memory-requirements', polaris: 'memoryRequestsMissing', 'kube-score': 'container-resources' },
  check(o, ctx) {
    eachContainer(o, c => {
      // Init containers run to completion before the app starts; ephemeral ones cannot set resources.
      if (!isLongLived(c)) return
      const { requests, limits } = resourcesOf(c)
      if (isSet(requests.memory) || isSet(limits.memory)) return
      ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no memory request` })
    })
  }
}
