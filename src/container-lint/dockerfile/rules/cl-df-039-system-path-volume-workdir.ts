import { resolveVars } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const SYSTEM_TREES = ['/proc', '/sys', '/dev', '/etc', '/boot']
const SOCKETS = /(?:^|\/)(?:docker|containerd|crio)\.sock$/

function sensitive(path: string, isVolume: boolean): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path
  if (p === '/') return isVolume // WORKDIR / is a common, harmless reset
  return SOCKETS.test(p) || SYSTEM_TREES.some((t) => p === t || p.startsWith(t + '/'))
}

export const rule: DockerfileRule = {
  id: 'CL-DF-039',
  name: 'system-path-volume-workdir',
  title: 'VOLUME or WORKDIR on a system path',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A VOLUME on /, /etc, /proc, /sys, /dev or a container-runtime socket invites mounting host system paths into the container; working inside them means the app writes over system files. `WORKDIR /` alone is not reported.',
  fix: 'Use an application directory such as /app or /data for volumes and WORKDIR.',
  anchors: { trivy: 'DS-0030', avd: 'AVD-DS-0030', dockle: 'DKL-DI-0002' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'VOLUME' && ins.keyword !== 'WORKDIR') continue
        const words = ins.keyword === 'VOLUME' ? (ins.json ?? ins.words) : ins.words.slice(0, 1)
        for (const word of words) {
          const path = resolveVars(word, ins.scope)
          if (path !== undefined && sensitive(path, ins.keyword === 'VOLUME')) hits.push({ line: ins.line, key: `${ins.text} ${path}`, message: `${ins.keyword} ${path} is a system path.` })
        }
      }
    }
    return hits
  }
}
