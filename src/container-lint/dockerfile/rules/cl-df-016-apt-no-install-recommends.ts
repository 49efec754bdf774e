import { runInstructions, runScript } from '../model.js'
import { packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-016',
  name: 'apt-no-install-recommends',
  title: 'apt-get install without --no-install-recommends',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'Recommended packages roughly double what apt installs: a bigger image and more CVEs to patch for software nobody asked for. Checked in the final image and its ancestry.',
  fix: 'Add `--no-install-recommends` (the flag may go anywhere after install).',
  anchors: { hadolint: 'DL3015', trivy: 'DS-0029', avd: 'AVD-DS-0029' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { runtimeOnly: true })) {
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call?.manager !== 'apt' || call.sub !== 'install') continue
        const ok = call.options.some((o) => o === '--no-install-recommends' || /Install-Recommends=(?:false|0|no)/i.test(o))
        if (!ok) hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" also installs recommended packages.` })
      }
    }
    return hits
  }
}
