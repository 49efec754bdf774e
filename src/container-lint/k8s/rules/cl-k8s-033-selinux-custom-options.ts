import { lineOf, obj, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'])

export const rule: K8sRule = {
  id: 'CL-K8S-033',
  name: 'selinux-custom-options',
  title: 'Custom SELinux type, user or role',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A custom SELinux type, user or role can lift the confinement the container runtime applies; PSS Baseline allows only the container types.',
  fix: 'Remove `seLinuxOptions.user`/`role` and use one of container_t, container_init_t, container_kvm_t, container_engine_t as type (or none).',
  anchors: { trivy: 'KSV-0025', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      const se = effective(w, c, 'seLinuxOptions')
      const opts = obj(se?.value)
      if (!opts) return
      const type = str(opts.type)
      const inherited = se?.level === 'pod' ? ' (inherited from the pod)' : ''
      if (type && !ALLOWED_TYPES.has(type)) ctx.report({ line: lineOf(opts, 'type'), container: c.name, key: 'type', message: `${containerWord(c)} uses SELinux type ${type}${inherited}` })
      for (const field of ['user', 'role'] as const) {
        const v = str(opts[field])
        if (v) ctx.report({ line: lineOf(opts, field), container: c.name, key: field, message: `${containerWord(c)} sets SELinux ${field} ${v}${inherited}` })
      }
    })
  }
}
