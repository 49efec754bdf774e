import { resolveVars } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\)/

export const rule: DockerfileRule = {
  id: 'CL-DF-027',
  name: 'relative-workdir',
  title: 'Relative WORKDIR',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A relative WORKDIR resolves against whatever the previous WORKDIR was (possibly set by the base image), so the same Dockerfile can land files in different places. Variables are resolved first; unknown ones are not judged.',
  fix: 'Use an absolute path: `WORKDIR /app`.',
  anchors: { hadolint: 'DL3000', trivy: 'DS-0009', avd: 'AVD-DS-0009', docker: 'WorkdirRelativePath' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR') continue
        const raw = ins.words[0]
        if (raw === undefined) continue
        const path = resolveVars(raw, ins.scope)
        if (path === undefined || path === '' || ABSOLUTE.test(path)) continue
        hits.push({ line: ins.line, message: `WORKDIR "${path}" is relative.` })
      }
    }
    return hits
  }
}
