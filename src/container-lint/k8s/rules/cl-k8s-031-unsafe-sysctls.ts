import { isObj, lineOf, list, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

/** Namespaced sysctls the Pod Security Standards (Baseline) consider safe. */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes'
])

export const rule: K8sRule = {
  id: 'CL-K8S-031',
  name: 'unsafe-sysctls',
  title: 'Unsafe sysctl',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Sysctls outside the safe set can affect other pods on the node or the node itself; PSS Baseline allows only the safe set.',
  fix: 'Remove the sysctl, or tune it on the node instead of from the pod.',
  anchors: { trivy: 'KSV-0026', 'kube-linter': 'unsafe-sysctls', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      const sysctls = list(w.podSecurityContext?.sysctls)
      sysctls.forEach((s, i) => {
        const name = isObj(s) ? str(s.name) : undefined
        if (name && !SAFE.has(name)) ctx.report({ line: lineOf(sysctls, i), key: name, message: `pod sets unsafe sysctl ${name}` })
      })
    })
  }
}
