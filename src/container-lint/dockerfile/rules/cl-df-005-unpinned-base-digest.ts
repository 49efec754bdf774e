import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-005',
  name: 'unpinned-base-digest',
  title: 'Base image not pinned by digest',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Tags are mutable: a registry (or an attacker with push rights) can point the same tag at different content. Only a @sha256 digest pins the exact bytes you reviewed; tools like Dependabot/Renovate keep pinned digests current.',
  fix: 'Append the digest: `FROM node:20.11-alpine@sha256:<digest>` (get it with `docker buildx imagetools inspect <image>`).',
  anchors: { scorecard: 'Pinned-Dependencies' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const parts = stage.base.parts
      if (parts !== undefined && parts.repository !== '' && !(parts.digest ?? '').startsWith('sha256:')) {
        hits.push({ line: stage.from.line, message: `Base image "${stage.base.resolved ?? stage.base.raw}" is not pinned by a sha256 digest.` })
      }
    }
    return hits
  }
}
