import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-004',
  name: 'untagged-base-image',
  title: 'Base image has no tag or digest',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'An image reference without tag or digest means :latest implicitly. scratch and references to earlier stages (also through ARGs such as FROM ${SRC} or FROM name-$TARGETOS) are not images and are not reported.',
  fix: 'Name an explicit version tag, e.g. `FROM python:3.12-slim`, or pin a digest.',
  anchors: { hadolint: 'DL3006', trivy: 'DS-0001', avd: 'AVD-DS-0001' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const parts = stage.base.parts
      if (parts !== undefined && parts.tag === undefined && parts.digest === undefined && parts.repository !== '') {
        hits.push({ line: stage.from.line, message: `Base image "${stage.base.resolved ?? stage.base.raw}" has no tag, so it means :latest.` })
      }
    }
    return hits
  }
}
