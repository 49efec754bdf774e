import type { K8sRule } from '../rule.js'
import { containerField } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-032',
  name: 'unmasked-proc-mount',
  title: 'procMount is Unmasked',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'The default /proc mask hides kernel interfaces that leak host information or allow changes to the host; Unmasked removes it.',
  fix: 'Remove `procMount` or set it to `Default`.',
  anchors: { trivy: 'KSV-0027', 'kube-linter': 'unsafe-proc-mount', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, c => {
      const p = containerField(c, 'procMount')
      if (p && p.value !== 'Default') ctx.report({ line: p.line, container: c.name, message: `${containerWord(c)} sets procMount: ${String(p.value)}` })
    })
  }
}
