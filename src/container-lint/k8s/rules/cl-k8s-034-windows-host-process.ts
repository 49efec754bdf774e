import type { K8sRule } from '../rule.js'
import { effectiveWindows } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-034',
  name: 'windows-host-process',
  title: 'Windows HostProcess container',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'A Windows HostProcess container runs directly on the node with host network and filesystem access: the Windows equivalent of privileged.',
  fix: 'Remove `windowsOptions.hostProcess: true`.',
  anchors: { trivy: 'KSV-0103', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      const hp = effectiveWindows(w, c, 'hostProcess')
      if (hp?.value === true) ctx.report({ line: hp.line, container: c.name, message: `${containerWord(c)} is a Windows HostProcess container${hp.level === 'pod' ? ' (set on the pod)' : ''}` })
    })
  }
}
