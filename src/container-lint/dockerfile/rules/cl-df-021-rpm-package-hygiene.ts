import { hasCacheMount, runInstructions, runScript } from '../model.js'
import { packageCall, type PackageCall } from '../packages.js'
import { hasOption } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const RPM = new Set(['yum', 'dnf', 'microdnf', 'zypper'])
const CACHE_DIRS = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/zypp', '/var/cache/libdnf5']

function nonInteractive(call: PackageCall): boolean {
  if (call.manager === 'microdnf') return true // microdnf never prompts
  if (call.manager === 'zypper') return hasOption(call.command.argv, ['--non-interactive', '--no-confirm', '-n', '-y'], 'n') || call.options.includes('-y')
  return hasOption(call.command.argv, ['--assumeyes', '-y'], 'y')
}

function isClean(call: PackageCall): boolean {
  if (call.manager === 'zypper') return call.sub === 'clean' || call.sub === 'cc'
  return call.sub === 'clean' && call.operands.includes('all')
}

export const rule: DockerfileRule = {
  id: 'CL-DF-021',
  name: 'rpm-package-hygiene',
  title: 'yum/dnf/zypper install without -y or without cleaning up',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'yum, dnf and zypper prompt for confirmation unless told not to (the build then aborts), and leave their metadata cache in the layer unless `clean all` / `zypper clean` runs in the same RUN (checked in the final image and its ancestry; cache mounts accepted).',
  fix: 'Use `dnf install -y <pkgs> && dnf clean all` (yum likewise; `zypper -n install … && zypper clean -a`).',
  anchors: { hadolint: 'DL3030, DL3032, DL3038, DL3040, DL3034, DL3036', trivy: 'DS-0015, DS-0019, DS-0020, DS-0027', avd: 'AVD-DS-0015, AVD-DS-0019, AVD-DS-0020, AVD-DS-0027' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      const calls = runScript(ins)
        .commands.map(packageCall)
        .filter((c): c is PackageCall => c !== undefined && RPM.has(c.manager))
      const installs = calls.filter((c) => c.sub === 'install' || c.sub === 'in' || c.sub === 'groupinstall' || c.sub === 'reinstall')
      for (const call of installs) {
        if (!nonInteractive(call)) hits.push({ line: ins.line, message: `"${call.command.argv.join(' ')}" has no -y and will stop at the confirmation prompt.` })
      }
      const runtime = ins.stage?.runtime === true && ins.onbuild === undefined
      if (runtime && installs.length > 0 && !calls.some(isClean) && !hasCacheMount(ins, ...CACHE_DIRS)) {
        const cleaned = runScript(ins).commands.some((c) => c.name === 'rm' && c.argv.some((a) => CACHE_DIRS.some((d) => a.startsWith(d))))
        if (!cleaned) hits.push({ line: ins.line, message: `This RUN installs with ${installs[0]?.manager} but never runs "${installs[0]?.manager === 'zypper' ? 'zypper clean' : 'clean all'}", leaving the package cache in the layer.` })
      }
    }
    return hits
  }
}
