import { lineOf } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-009',
  name: 'host-network',
  title: 'Pod uses hostNetwork',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'With hostNetwork: true the pod shares the node network namespace: it can sniff node traffic and reach services bound to localhost on the node.',
  fix: 'Remove `hostNetwork: true` from the pod spec.',
  anchors: { trivy: 'KSV-0009', 'kube-linter': 'host-network', polaris: 'hostNetworkSet', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      if (w.podSpec.hostNetwork === true) ctx.report({ line: lineOf(w.podSpec, 'hostNetwork'), message: 'pod sets hostNetwork: true' })
    })
  }
}
