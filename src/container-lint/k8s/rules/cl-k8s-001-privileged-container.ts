import type { K8sRule } from '../rule.js'
import { containerField } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-001',
  name: 'privileged-container',
  title: 'Container runs privileged',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'A privileged container has every capability and all host devices: escaping to the node is trivial.',
  fix: 'Remove `privileged: true`; add only the specific capability the workload needs.',
  anchors: { trivy: 'KSV-0017', 'kube-linter': 'privileged-container', polaris: 'runAsPrivileged', 'kube-score': 'container-security-context-privileged', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, c => {
      const p = containerField(c, 'privileged')
      if (p?.value === true) ctx.report({ line: p.line, container: c.name, message: `${containerWord(c)} sets privileged: true` })
    })
  }
}
