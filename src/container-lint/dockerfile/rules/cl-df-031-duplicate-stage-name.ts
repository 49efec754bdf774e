import type { Stage } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-031',
  name: 'duplicate-stage-name',
  title: 'Duplicate stage alias',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Stage names are case-insensitive and must be unique; with duplicates, `--target` and `COPY --from` resolve to a stage you may not expect (BuildKit rejects the file).',
  fix: 'Give every stage a distinct `AS <name>`.',
  anchors: { hadolint: 'DL3024', trivy: 'DS-0012', avd: 'AVD-DS-0012', docker: 'DuplicateStageName' },
  check(model) {
    const hits: RuleHit[] = []
    const seen = new Map<string, Stage>()
    for (const stage of model.stages) {
      if (stage.name === undefined) continue
      const first = seen.get(stage.name)
      if (first !== undefined) hits.push({ line: stage.from.line, message: `Stage name "${stage.name}" is already used on line ${first.from.line}.` })
      else seen.set(stage.name, stage)
    }
    return hits
  }
}
