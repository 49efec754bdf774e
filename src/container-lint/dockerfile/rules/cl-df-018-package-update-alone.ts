import { runInstructions, runScript } from '../model.js'
import { isIndexUpdate, packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-018',
  name: 'package-update-alone',
  title: 'Package index update in a RUN of its own',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A RUN that only refreshes the package index is cached as its own layer; later installs reuse that stale cached index and can fail or install outdated, vulnerable versions when the install line changes.',
  fix: 'Update and install in the same RUN: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
  anchors: { trivy: 'DS-0017', avd: 'AVD-DS-0017', dockle: 'CIS-DI-0007' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      let update: string | undefined
      let uses = false
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call === undefined) continue
        if (isIndexUpdate(call)) update ??= cmd.argv.join(' ')
        else if (call.sub !== '' && call.manager !== 'pip' && call.manager !== 'npm' && call.manager !== 'yarn' && call.manager !== 'gem' && call.manager !== 'go') uses = true
      }
      if (update !== undefined && !uses) hits.push({ line: ins.line, message: `"${update}" runs without an install in the same RUN; its cached layer goes stale.` })
    }
    return hits
  }
}
