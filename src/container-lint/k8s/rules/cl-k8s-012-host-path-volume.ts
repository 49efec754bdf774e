import type { K8sRule } from '../rule.js'
import { hostPathVolumes } from './host-path.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-012',
  name: 'host-path-volume',
  title: 'hostPath volume',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A hostPath volume ties the pod to a node and exposes node files to the container; PSS Baseline forbids it.',
  fix: 'Use a persistentVolumeClaim, emptyDir, configMap or secret volume instead of hostPath.',
  anchors: { trivy: 'KSV-0023', 'kube-linter': 'writable-host-mount', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      for (const v of hostPathVolumes(w)) {
        if (!v.sensitive) ctx.report({ line: v.line, key: v.name, message: `volume "${v.name}" mounts host path ${v.path}` })
      }
    })
  }
}
