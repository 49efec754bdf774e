import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-019',
  name: 'liveness-probe-missing',
  title: 'Liveness probe missing',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without a liveness probe a hung process keeps its pod Running forever; Kubernetes restarts it only when the probe fails.',
  fix: 'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that fails only when a restart would help.',
  anchors: { 'kube-linter': 'no-liveness-probe', polaris: 'livenessProbeMissing', 'kube-score': 'pod-probes' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      // Jobs, CronJobs, run-once Pods and plain init containers finish on their own.
      if (!w.longRunning || !isLongLived(c)) return
      if (c.raw.livenessProbe === undefined || c.raw.livenessProbe === null) {
        ctx.report({ line: c.line, container: c.name, message: `${containerWord(c)} has no livenessProbe` })
      }
    })
  }
}
