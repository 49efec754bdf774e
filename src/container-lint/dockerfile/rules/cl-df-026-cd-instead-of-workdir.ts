import { runInstructions, runScript } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-026',
  name: 'cd-instead-of-workdir',
  title: 'cd in RUN instead of WORKDIR',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: '`cd` only lasts for one RUN, so later instructions silently run elsewhere; WORKDIR makes the directory explicit for every following instruction and creates it if missing.',
  fix: 'Use `WORKDIR /path` before the RUN instead of `cd /path && …`.',
  anchors: { hadolint: 'DL3003', trivy: 'DS-0013', avd: 'AVD-DS-0013' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model)) {
      const cd = runScript(ins).commands.find((c) => c.name === 'cd' && c.argv.length > 1 && c.argv[1] !== '-')
      if (cd !== undefined) hits.push({ line: ins.line, message: `RUN changes directory with "cd ${cd.argv[1]}"; use WORKDIR ${cd.argv[1]}.` })
    }
    return hits
  }
}
