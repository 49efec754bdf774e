import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { isSet, resourcesOf } from './resources.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-015',
  name: 'memory-limit-missing',
  title: 'Memory limit missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without a memory limit one leaking container can exhaust node memory and get other pods OOM-killed or evicted.',
  fix: 'Set `resources.limits.memory` on the container (size it from observed usage).',
  anchors: { trivy: 'KSV-0018', 'kube-linter': 'unset-memory-requirements', polaris: 'memoryLimitsMissing', 'kube-score': 'container-resources' },
  check(o, ctx) {
    eachContainer(o, c => {
      // Init containers run to completion before the app starts; ephemeral ones cannot set resources.
      if (!isLongLived(c)) return
      const { requests, limits } = resourcesOf(c)
      if (isSet(limits.memory)) return
      ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no memory limit` })
    })
  }
}
