import type { K8sRule } from '../rule.js'
import { workloadOf } from '../workload.js'

/** Parse errors are reported by the engine with this rule's metadata; `check` catches workloads of unknown shape. */
export const rule: K8sRule = {
  id: 'CL-K8S-000',
  name: 'invalid-manifest',
  title: 'Manifest cannot be parsed or has an unknown shape',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A document that cannot be read cannot be checked; passing it silently would let anything through. The other documents of the file are still linted.',
  fix: 'Fix the YAML syntax (or render Helm templates with `helm template` first) so that every document is a valid Kubernetes object.',
  check(o, ctx) {
    const shape = workloadOf(o)
    if (shape && !shape.ok) ctx.report({ line: shape.line, message: shape.message, key: 'shape' })
  }
}
