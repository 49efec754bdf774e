import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-012',
  name: 'multiple-cmd-entrypoint',
  title: 'More than one CMD or ENTRYPOINT in a stage',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier ones never run and hide what the container really starts.',
  fix: 'Keep one CMD and at most one ENTRYPOINT per stage; delete the overridden ones.',
  anchors: { hadolint: 'DL4003, DL4004', trivy: 'DS-0016, DS-0007', avd: 'AVD-DS-0016, AVD-DS-0007', docker: 'MultipleInstructionsDisallowed' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const all = stage.instructions.filter((i) => i.keyword === keyword)
        const last = all[all.length - 1]
        if (last === undefined) continue
        for (const ins of all.slice(0, -1)) hits.push({ line: ins.line, message: `This ${keyword} is overridden by the ${keyword} on line ${last.line}.` })
      }
    }
    return hits
  }
}
