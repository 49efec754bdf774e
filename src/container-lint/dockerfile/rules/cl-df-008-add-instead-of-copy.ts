import type { DockerfileRule, RuleHit } from '../types.js'

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i

export function isRemoteSource(src: string): boolean {
  return REMOTE.test(src)
}

export const rule: DockerfileRule = {
  id: 'CL-DF-008',
  name: 'add-instead-of-copy',
  title: 'ADD used for local files',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'ADD has hidden behaviour (auto-extracting archives, fetching URLs); for plain local files COPY is explicit and predictable. Local tar archives meant to be extracted are the one legitimate use and are not reported.',
  fix: 'Replace ADD with COPY for local files and directories.',
  anchors: { hadolint: 'DL3020', trivy: 'DS-0005', avd: 'AVD-DS-0005', dockle: 'CIS-DI-0009' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'ADD') continue
        const words = ins.json ?? ins.words
        const sources = words.slice(0, -1)
        if (sources.length === 0) continue
        const local = sources.filter((s) => !isRemoteSource(s) && !ARCHIVE.test(s))
        if (local.length === 0) continue
        hits.push({ line: ins.line, message: `ADD copies local ${local.join(', ')}; use COPY.` })
      }
    }
    return hits
  }
}
