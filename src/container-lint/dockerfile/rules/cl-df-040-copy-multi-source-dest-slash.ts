import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-040',
  name: 'copy-multi-source-dest-slash',
  title: 'COPY/ADD with several sources and a destination without trailing /',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'With more than one source the destination must be a directory ending in "/"; the classic builder fails the build, and the intent is ambiguous to readers. `.` and `..` are unambiguous directories and accepted.',
  fix: 'End the destination with a slash: `COPY package.json package-lock.json /app/`.',
  anchors: { hadolint: 'DL3021', trivy: 'DS-0011', avd: 'AVD-DS-0011' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue
        const words = ins.json ?? ins.words
        if (words.length <= 2) continue
        const dest = words[words.length - 1] as string
        if (dest.endsWith('/') || dest.endsWith('\\') || dest === '.' || dest === '..' || dest.endsWith('/.')) continue
        hits.push({ line: ins.line, message: `${ins.keyword} has ${words.length - 1} sources, so destination "${dest}" must end with "/".` })
      }
    }
    return hits
  }
}
