import type { K8sRule } from '../rule.js'
import { hostPathVolumes } from './host-path.js'
import { withWorkload } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-013',
  name: 'sensitive-host-path',
  title: 'hostPath volume on a sensitive path or container runtime socket',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Mounting /, /etc, /proc, /var/lib/kubelet or a container runtime socket (docker.sock, containerd.sock) gives the container control of the node and of every other container on it.',
  fix: 'Remove the hostPath volume; talk to the runtime through a dedicated API or a narrowly scoped agent instead.',
  anchors: { trivy: 'KSV-0006, KSV-0121', 'kube-linter': 'sensitive-host-mounts, docker-sock', pss: 'Baseline' },
  check(o, ctx) {
    withWorkload(o, w => {
      for (const v of hostPathVolumes(w)) {
        if (v.sensitive) ctx.report({ line: v.line, key: v.name, message: `volume "${v.name}" mounts sensitive host path ${v.path}` })
      }
    })
  }
}
