import type { DockerfileRule } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-042',
  name: 'first-instruction-not-from',
  title: 'First instruction is not FROM or ARG',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Only parser directives, comments and ARG may precede the first FROM; anything else fails the build.',
  fix: 'Start the Dockerfile with `FROM <image>` (global ARGs for the FROM line may come first).',
  anchors: { hadolint: 'DL3061' },
  check(model) {
    // every instruction before the first FROM must be an ARG
    for (const ins of model.instructions) {
      if (ins.keyword === 'FROM') return []
      if (ins.keyword !== 'ARG') return [{ line: ins.line, message: `${ins.keyword} comes before the first FROM; only ARG may precede FROM.` }]
    }
    return []
  }
}
