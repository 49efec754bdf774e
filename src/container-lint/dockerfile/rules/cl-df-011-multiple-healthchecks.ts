import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-011',
  name: 'multiple-healthchecks',
  title: 'More than one HEALTHCHECK in a stage',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Only the last HEALTHCHECK of a stage takes effect; earlier ones are dead code that misleads readers about how health is checked.',
  fix: 'Keep a single HEALTHCHECK per stage and delete the others.',
  anchors: { hadolint: 'DL3012', trivy: 'DS-0023', avd: 'AVD-DS-0023' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const all = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK')
      const last = all[all.length - 1]
      if (last === undefined) continue
      for (const ins of all.slice(0, -1)) hits.push({ line: ins.line, message: `This HEALTHCHECK is overridden by the one on line ${last.line}.` })
    }
    return hits
  }
}
