import { runInstructions, runScript } from '../model.js'
import { isUpgrade, packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-019',
  name: 'package-upgrade',
  title: 'Whole-system package upgrade in the build',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    '`apt-get upgrade`, `apk upgrade`, `yum/dnf upgrade` make the image content depend on the day of the build and hide which base image you really run; patched bases are the reproducible way to get fixes.',
  fix: 'Move to a newer (patched) base image tag, or upgrade only the named packages you need.',
  anchors: { hadolint: 'DL3005 (removed)', trivy: 'DS-0024', avd: 'AVD-DS-0024', dockle: 'DKL-DI-0003' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model)) {
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call !== undefined && isUpgrade(call)) hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" upgrades every package at build time.` })
      }
    }
    return hits
  }
}
