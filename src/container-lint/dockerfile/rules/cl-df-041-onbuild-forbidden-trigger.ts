import type { DockerfileRule, RuleHit } from '../types.js'

const FORBIDDEN = new Set(['FROM', 'MAINTAINER', 'ONBUILD'])

export const rule: DockerfileRule = {
  id: 'CL-DF-041',
  name: 'onbuild-forbidden-trigger',
  title: 'ONBUILD wraps FROM, MAINTAINER or ONBUILD',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Docker does not allow FROM, MAINTAINER or a nested ONBUILD as ONBUILD triggers; child builds fail.',
  fix: 'Remove the trigger, or move the instruction out of ONBUILD.',
  anchors: { hadolint: 'DL3043' },
  check(model) {
    const hits: RuleHit[] = []
    for (const t of model.triggers) if (FORBIDDEN.has(t.keyword)) hits.push({ line: t.line, message: `ONBUILD ${t.keyword} is not allowed.` })
    return hits
  }
}
