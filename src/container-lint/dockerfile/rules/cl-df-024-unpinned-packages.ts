import { runInstructions, runScript } from '../model.js'
import { packageCall, packageNames, type PackageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const PIP_PINNED = /(?:===?|~=|>=|<=|@)/
const NPM_PINNED = /^(?:@[^/]+\/)?[^@]+@.+$/

function unpinned(call: PackageCall): string[] {
  switch (call.manager) {
    case 'apt':
      return call.sub === 'install' ? packageNames(call).filter((p) => !p.includes('=')) : []
    case 'apk':
      return call.sub === 'add' ? packageNames(call).filter((p) => !/[=~<>]/.test(p)) : []
    case 'pip':
      return call.sub === 'install'
        ? call.operands.filter((p) => !PIP_PINNED.test(p) && p !== '.' && !p.startsWith('./') && !p.startsWith('/') && !p.includes('://') && !p.endsWith('.whl') && !p.endsWith('.tar.gz') && !p.startsWith('$'))
        : []
    case 'npm':
      return (call.sub === 'install' || call.sub === 'i' || call.sub === 'add') ? call.operands.filter((p) => !NPM_PINNED.test(p) && !p.startsWith('.') && !p.startsWith('/') && !p.includes('://') && !p.startsWith('git') && !p.startsWith('$')) : []
    case 'gem':
      return call.sub === 'install' && !call.options.some((o) => o === '-v' || o === '--version') ? call.operands.filter((p) => !p.includes(':')) : []
    case 'go':
      return call.sub === 'install' ? call.operands.filter((p) => !p.includes('@') || p.endsWith('@latest')) : []
    default:
      return []
  }
}

export const rule: DockerfileRule = {
  id: 'CL-DF-024',
  name: 'unpinned-packages',
  title: 'Packages installed without a version pin',
  severity: 'low',
  kind: 'misconfiguration',
  enabledByDefault: false,
  rationale:
    'Unpinned installs (`apt-get install curl`, `pip install flask`, `go install x@latest`) give different images on different days. Off by default: OS package pins break whenever the distro drops the old version, which makes this the most ignored rule in other linters.',
  fix: 'Pin versions: `apt-get install curl=8.5.0-2`, `apk add curl=8.5.0-r0`, `pip install flask==3.0.2`, `npm install -g pnpm@9.1.0`, `go install x@v1.2.3`; or install from a lockfile.',
  anchors: { hadolint: 'DL3008, DL3018, DL3013, DL3016, DL3028, DL3062' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model)) {
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call === undefined) continue
        const names = unpinned(call)
        if (names.length > 0) hits.push({ line: ins.line, key: `${ins.text} ${call.manager}`, message: `${call.manager} installs unpinned: ${names.join(', ')}.` })
      }
    }
    return hits
  }
}
