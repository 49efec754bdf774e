import { isObj, lineOf, list, num } from '../model.js'
import type { K8sRule } from '../rule.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-014',
  name: 'host-port',
  title: 'hostPort is set',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A hostPort binds the node interface directly, bypasses NetworkPolicy on many CNIs and limits scheduling to one pod per node.',
  fix: 'Remove `hostPort` and expose the container through a Service.',
  anchors: { trivy: 'KSV-0024', polaris: 'hostPortSet', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, c => {
      for (const p of list(c.raw.ports)) {
        if (!isObj(p)) continue
        const hostPort = num(p.hostPort)
        if (hostPort !== undefined && hostPort !== 0) {
          ctx.report({ line: lineOf(p, 'hostPort'), container: c.name, key: String(hostPort), message: `${containerWord(c)} binds hostPort ${hostPort}` })
        }
      }
    })
  }
}
