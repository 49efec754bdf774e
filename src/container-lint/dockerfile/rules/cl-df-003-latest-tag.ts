import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-003',
  name: 'latest-tag',
  title: 'Base image uses the :latest tag',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'The :latest tag moves: two builds of the same commit can get different base images, breaking reproducibility and silently pulling in new vulnerabilities or breaking changes. ARG defaults are resolved before judging.',
  fix: 'Pin a specific version tag (and ideally a digest): `FROM node:20.11-alpine3.19@sha256:…`.',
  anchors: { hadolint: 'DL3007', trivy: 'DS-0001', avd: 'AVD-DS-0001', dockle: 'DKL-DI-0006' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const parts = stage.base.parts
      if (parts?.tag?.toLowerCase() === 'latest' && parts.digest === undefined) {
        hits.push({ line: stage.from.line, message: `Base image "${stage.base.resolved ?? stage.base.raw}" uses the mutable :latest tag.` })
      }
    }
    return hits
  }
}
