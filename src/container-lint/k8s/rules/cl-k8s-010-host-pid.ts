import { lineOf } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-010',
  name: 'host-pid',
  title: 'Pod uses hostPID',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'With hostPID: true the pod sees every process on the node and can signal or inspect them.',
  fix: 'Remove `hostPID: true` from the pod spec.',
  anchors: { trivy: 'KSV-0010', 'kube-linter': 'host-pid', polaris: 'hostPIDSet', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      if (w.podSpec.hostPID === true) ctx.report({ line: lineOf(w.podSpec, 'hostPID'), message: 'pod sets hostPID: true' })
    })
  }
}
