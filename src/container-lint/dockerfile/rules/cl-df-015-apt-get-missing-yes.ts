import { runInstructions, runScript } from '../model.js'
import { packageCall } from '../packages.js'
import { hasOption } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-015',
  name: 'apt-get-missing-yes',
  title: 'apt-get install without -y',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without -y (or --yes/--assume-yes, a cluster like -yq, or -qq which implies yes) apt-get waits for an answer that never comes in a build and aborts.',
  fix: 'Use `apt-get install -y --no-install-recommends <packages>`.',
  anchors: { hadolint: 'DL3014', trivy: 'DS-0021', avd: 'AVD-DS-0021' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call?.manager !== 'apt' || call.sub !== 'install') continue
        const argv = cmd.argv
        const yes =
          hasOption(argv, ['--yes', '--assume-yes', '--force-yes'], 'y') ||
          argv.some((a) => /^-q{2,}$/.test(a) || a === '--quiet=2' || a === '-q=2' || /Assume-Yes=(?:true|1|yes)/i.test(a))
        if (!yes) hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" has no -y and will stop at the confirmation prompt.` })
      }
    }
    return hits
  }
}
