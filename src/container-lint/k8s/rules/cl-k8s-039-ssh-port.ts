import { isObj, lineOf, list, num } from '../model.js'
import type { K8sRule } from '../rule.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-039',
  name: 'ssh-port',
  title: 'Container exposes port 22',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'An SSH server in a container is an extra way in and a sign the container is administered by hand; use `kubectl exec` or ephemeral debug containers.',
  fix: 'Remove the SSH server and the port 22 declaration.',
  anchors: { 'kube-linter': 'ssh-port' },
  check(o, ctx) {
    eachContainer(o, c => {
      for (const p of list(c.raw.ports)) {
        if (isObj(p) && num(p.containerPort) === 22) ctx.report({ line: lineOf(p, 'containerPort'), container: c.name, message: `${containerWord(c)} declares containerPort 22 (SSH)` })
      }
    })
  }
}
