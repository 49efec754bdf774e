import { lineOf } from '../model.js'
import type { K8sRule } from '../rule.js'
import { isLongLived } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o).sort().map(k => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export const rule: K8sRule = {
  id: 'CL-K8S-043',
  name: 'identical-probes',
  title: 'Liveness and readiness probes are identical',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'With identical probes an overloaded pod fails liveness at the same moment it leaves the load balancer, so Kubernetes restarts pods exactly when they are busiest, cascading the outage.',
  fix: 'Make the liveness probe more tolerant (a cheaper endpoint, a higher failureThreshold) than the readiness probe.',
  anchors: { 'kube-score': 'pod-probes-identical' },
  check(o, ctx) {
    eachContainer(o, c => {
      if (!isLongLived(c)) return
      const live = c.raw.livenessProbe
      const ready = c.raw.readinessProbe
      if (live && ready && canonical(live) === canonical(ready)) {
        ctx.report({ line: lineOf(c.raw, 'readinessProbe'), container: c.name, message: `${containerWord(c)} has identical liveness and readiness probes` })
      }
    })
  }
}
