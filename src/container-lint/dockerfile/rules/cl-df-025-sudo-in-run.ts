import { runInstructions, runScript } from '../model.js'
import { basename } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/

export const rule: DockerfileRule = {
  id: 'CL-DF-025',
  name: 'sudo-in-run',
  title: 'sudo used in RUN',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'sudo in an image means a sudo binary (and usually a sudoers rule) ships to production, giving an attacker an easy path back to root; its TTY and signal behaviour is also unpredictable in builds. Installing a package named sudo is not itself reported.',
  fix: 'Switch users with USER around the privileged steps (`USER root` … `USER 10001`), or use gosu/su-exec in entrypoints that must drop privileges.',
  anchors: { hadolint: 'DL3004', trivy: 'DS-0010', avd: 'AVD-DS-0010', dockle: 'DKL-DI-0001' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      for (const cmd of runScript(ins).commands) {
        const first = cmd.words.find((w) => !ASSIGNMENT.test(w))
        if (first !== undefined && basename(first) === 'sudo') {
          hits.push({ line: ins.line, message: `RUN calls sudo: "${cmd.words.join(' ')}".` })
          break
        }
      }
    }
    return hits
  }
}
