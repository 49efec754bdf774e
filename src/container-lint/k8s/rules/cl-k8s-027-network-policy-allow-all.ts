import { isObj, lineOf, list } from '../model.js'
import type { K8sRule } from '../rule.js'
import { policySpec } from './network-policy.js'

export const rule: K8sRule = {
  id: 'CL-K8S-027',
  name: 'network-policy-allow-all',
  title: 'NetworkPolicy rule allows all traffic',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'An ingress or egress rule without peers and without ports (`ingress: [{}]`) allows every source or destination on every port, which silently cancels the isolation the policy seems to provide. Rules with ports but no peers (e.g. DNS egress on 53) are not flagged.',
  fix: 'List the allowed peers (`from`/`to` with podSelector, namespaceSelector or ipBlock) and ports.',
  check(o, ctx) {
    if (o.kind !== 'NetworkPolicy') return
    const spec = policySpec(o)
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = list(spec[direction])
      const peerKey = direction === 'ingress' ? 'from' : 'to'
      rules.forEach((r, i) => {
        if (!isObj(r) && r !== null) return
        const peers = isObj(r) ? list(r[peerKey]) : []
        const ports = isObj(r) ? list(r.ports) : []
        if (peers.length === 0 && ports.length === 0) {
          ctx.report({ line: lineOf(rules, i), key: `${direction}#${i}`, message: `${direction} rule #${i + 1} has no ${peerKey} peers and no ports: it allows all ${direction} traffic` })
        }
      })
    }
  }
}
