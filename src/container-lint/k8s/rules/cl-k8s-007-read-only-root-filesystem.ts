import type { K8sRule } from '../rule.js'
import { containerField } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-007',
  name: 'read-only-root-filesystem',
  title: 'Root filesystem is writable',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A writable root filesystem lets an attacker drop tools or modify binaries; a read-only one makes the container immutable.',
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write (e.g. /tmp).',
  anchors: { trivy: 'KSV-0014', 'kube-linter': 'no-read-only-root-fs', polaris: 'notReadOnlyRootFilesystem', 'kube-score': 'container-security-context-readonlyrootfilesystem' },
  check(o, ctx) {
    eachContainer(o, c => {
      const ro = containerField(c, 'readOnlyRootFilesystem')
      if (ro?.value === true) return
      ctx.report({
        line: ro ? ro.line : c.line,
        container: c.name,
        message: ro ? `${containerWord(c)} sets readOnlyRootFilesystem: false` : `${containerWord(c)} does not set readOnlyRootFilesystem: true`
      })
    })
  }
}
