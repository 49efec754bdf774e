import { lineOf, list, obj } from '../model.js'
import type { K8sRule } from '../rule.js'
import { containerWord, eachContainer } from './support.js'

/** Capabilities the Pod Security Standards (Baseline) allow adding. */
const BASELINE = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'])
/** Capabilities that amount to host access. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'NET_RAW', 'BPF', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'SYS_BOOT', 'PERFMON'])

export const rule: K8sRule = {
  id: 'CL-K8S-006',
  name: 'dangerous-capabilities',
  title: 'Capability added outside the Baseline allowlist',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE give near-root control of the node or its network; anything outside the Pod Security Standards Baseline list is refused by a Baseline namespace. Off-list capabilities are medium; ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, NET_RAW, BPF and similar are high.',
  fix: 'Remove the capability from `capabilities.add`; NET_BIND_SERVICE is the only one Restricted allows.',
  anchors: { trivy: 'KSV-0005, KSV-0022, KSV-0106', 'kube-linter': 'container-capabilities', polaris: 'dangerousCapabilities', pss: 'Baseline / Restricted' },
  check(o, ctx) {
    eachContainer(o, c => {
      const add = obj(c.securityContext?.capabilities)?.add
      const items = list(add)
      items.forEach((raw, i) => {
        const cap = String(raw).toUpperCase().replace(/^CAP_/, '')
        if (BASELINE.has(cap)) return
        const dangerous = DANGEROUS.has(cap)
        ctx.report({
          line: lineOf(items, i),
          container: c.name,
          key: cap,
          severity: dangerous ? 'high' : undefined,
          message: `${containerWord(c)} adds capability ${cap}${dangerous ? ', which gives host-level control' : ', outside the Baseline allowlist'}`
        })
      })
    })
  }
}
