import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { isSet, resourcesOf } from './resources.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-018',
  name: 'cpu-limit-missing',
  title: 'CPU limit missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A CPU limit caps noisy neighbours, but it also throttles bursts; many teams prefer requests without limits, so this rule is off by default.',
  fix: 'Set `resources.limits.cpu` on the container (size it from observed usage).',
  anchors: { trivy: 'KSV-0011', 'kube-linter': 'unset-cpu-requirements', polaris: 'cpuLimitsMissing', 'kube-score': 'container-resources' },
  enabledByDefault: false,
  check(o, ctx) {
    eachContainer(o, c => {
      // Init containers run to completion before the app starts; ephemeral ones cannot set resources.
      if (!isLongLived(c)) return
      const { requests, limits } = resourcesOf(c)
      if (isSet(limits.cpu)) return
      ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no cpu limit` })
    })
  }
}
