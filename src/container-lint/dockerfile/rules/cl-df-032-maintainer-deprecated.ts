import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-032',
  name: 'maintainer-deprecated',
  title: 'MAINTAINER is deprecated',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'MAINTAINER has been deprecated since Docker 1.13; labels are the supported, queryable way to record ownership.',
  fix: 'Replace with `LABEL org.opencontainers.image.authors="team@example.com"` (or `LABEL maintainer=…`).',
  anchors: { hadolint: 'DL4000', trivy: 'DS-0022', avd: 'AVD-DS-0022', docker: 'MaintainerDeprecated' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of model.instructions) if (ins.keyword === 'MAINTAINER') hits.push({ line: ins.line, message: 'MAINTAINER is deprecated; use a LABEL.' })
    return hits
  }
}
