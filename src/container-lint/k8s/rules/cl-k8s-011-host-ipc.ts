import { lineOf } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-011',
  name: 'host-ipc',
  title: 'Pod uses hostIPC',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'With hostIPC: true the pod shares the node IPC namespace and can read shared memory of other processes.',
  fix: 'Remove `hostIPC: true` from the pod spec.',
  anchors: { trivy: 'KSV-0008', 'kube-linter': 'host-ipc', polaris: 'hostIPCSet', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      if (w.podSpec.hostIPC === true) ctx.report({ line: lineOf(w.podSpec, 'hostIPC'), message: 'pod sets hostIPC: true' })
    })
  }
}
