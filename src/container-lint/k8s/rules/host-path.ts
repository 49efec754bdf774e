import { isObj, lineOf, list, obj, str, type Obj } from '../model.js'
import type { Workload } from '../workload.js'

/** Host paths that give control of the node (exact match after normalising, not prefix). */
const SENSITIVE = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/root', '/var/run', '/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd'])
const SOCKETS = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$/

export interface HostPathVolume {
  name: string
  path: string
  line: number
  sensitive: boolean
}

export function normaliseHostPath(path: string): string {
  const p = path.trim().replace(/\/{2,}/g, '/').replace(/\/+$/, '')
  return p === '' ? '/' : p
}

export function hostPathVolumes(w: Workload): HostPathVolume[] {
  const out: HostPathVolume[] = []
  for (const v of list(w.podSpec.volumes)) {
    if (!isObj(v)) continue
    const hostPath: Obj | undefined = obj(v.hostPath)
    if (!hostPath) continue
    const raw = str(hostPath.path) ?? ''
    const path = normaliseHostPath(raw)
    out.push({
      name: str(v.name) ?? '(unnamed)',
      path,
      line: hostPath.path !== undefined ? lineOf(hostPath, 'path') : lineOf(v, 'hostPath'),
      sensitive: SENSITIVE.has(path) || SOCKETS.test(path)
    })
  }
  return out
}
