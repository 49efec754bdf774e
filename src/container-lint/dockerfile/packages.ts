/**
 * Recognises package-manager invocations inside RUN commands. Each reader
 * returns the subcommand, its options and its positional arguments so that
 * the rules only have to look at what they care about.
 */
import { basename, type ShellCommand } from './shell.js'

export interface PackageCall {
  manager: 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go'
  /** Subcommand (install, add, update, …), lower-case; '' when none. */
  sub: string
  /** Every option, before and after the subcommand. */
  options: string[]
  /** Positional words after the subcommand (package names, paths, …). */
  operands: string[]
  command: ShellCommand
}

const APT_VALUE_OPTS = new Set(['-o', '-t', '-c', '--option', '--target-release', '--default-release', '--config-file'])
const APK_VALUE_OPTS = new Set(['-t', '--virtual', '-X', '--repository', '--root', '-p', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--cache-max-age'])
const RPM_VALUE_OPTS = new Set(['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude', '--repo', '--repoid', '--nodocs-x', '-R', '--root', '-r', '-t', '--type', '--from', '--module'])
const PIP_VALUE_OPTS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f',
  '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version',
  '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--src', '--upgrade-strategy',
  '--cache-dir', '-C', '--config-settings', '--log', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '--python'
])
const NPM_VALUE_OPTS = new Set(['--prefix', '-C', '--registry', '--omit', '--include', '--cache', '--userconfig', '-w', '--workspace', '--loglevel'])
const GEM_VALUE_OPTS = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy'])

function split(command: ShellCommand, from: number, valueOpts: Set<string>): { sub: string; options: string[]; operands: string[] } {
  const options: string[] = []
  const operands: string[] = []
  let sub = ''
  const argv = command.argv
  let optionsDone = false
  for (let i = from; i < argv.length; i++) {
    const a = argv[i] as string
    if (!optionsDone && a === '--') {
      optionsDone = true
      continue
    }
    if (!optionsDone && a.startsWith('-') && a.length > 1) {
      options.push(a)
      if (valueOpts.has(a) && i + 1 < argv.length) {
        options.push(argv[i + 1] as string)
        i++
      }
      continue
    }
    if (sub === '') sub = a.toLowerCase()
    else operands.push(a)
  }
  return { sub, options, operands }
}

const PIP_NAME = /^pip(\d+(\.\d+)?)?$/
const PYTHON_NAME = /^python(\d+(\.\d+)?)?$/

const NO_VALUE_OPTS = new Set<string>()
/** Rules ask about the same commands again and again: read each one once (cached on the command). */
export function packageCall(command: ShellCommand): PackageCall | undefined {
  const cached = command.callCache
  if (cached !== undefined) return cached ?? undefined
  const call = readCall(command)
  command.callCache = call ?? null
  return call
}

function readCall(command: ShellCommand): PackageCall | undefined {
  const name = command.name
  switch (name) {
    case 'apt-get':
    case 'apt':
    case 'aptitude':
      return { manager: 'apt', ...split(command, 1, APT_VALUE_OPTS), command }
    case 'apk':
      return { manager: 'apk', ...split(command, 1, APK_VALUE_OPTS), command }
    case 'yum':
    case 'dnf':
    case 'tdnf':
    case 'microdnf':
      return { manager: name === 'tdnf' ? 'dnf' : name, ...split(command, 1, RPM_VALUE_OPTS), command }
    case 'zypper':
      return { manager: 'zypper', ...split(command, 1, RPM_VALUE_OPTS), command }
    case 'npm':
      return { manager: 'npm', ...split(command, 1, NPM_VALUE_OPTS), command }
    case 'yarn':
      return { manager: 'yarn', ...split(command, 1, NPM_VALUE_OPTS), command }
    case 'gem':
      return { manager: 'gem', ...split(command, 1, GEM_VALUE_OPTS), command }
    case 'go':
      return { manager: 'go', ...split(command, 1, NO_VALUE_OPTS), command }
  }
  if (PIP_NAME.test(name)) return { manager: 'pip', ...split(command, 1, PIP_VALUE_OPTS), command }
  if (PYTHON_NAME.test(name)) {
    const m = command.argv.indexOf('-m')
    if (m > 0 && PIP_NAME.test(command.argv[m + 1] ?? '')) return { manager: 'pip', ...split(command, m + 2, PIP_VALUE_OPTS), command }
  }
  return undefined
}

/** Subcommands that install packages, per manager. */
export function isInstall(call: PackageCall): boolean {
  switch (call.manager) {
    case 'apt':
      return call.sub === 'install'
    case 'apk':
      return call.sub === 'add'
    case 'zypper':
      return call.sub === 'install' || call.sub === 'in'
    case 'npm':
      return call.sub === 'install' || call.sub === 'i' || call.sub === 'add' || call.sub === 'ci'
    case 'yarn':
      return call.sub === '' || call.sub === 'install' || call.sub === 'add'
    default:
      return call.sub === 'install'
  }
}

/** Package-index refreshes: apt-get update, apk update, yum/dnf makecache, zypper refresh. */
export function isIndexUpdate(call: PackageCall): boolean {
  switch (call.manager) {
    case 'apt':
      return call.sub === 'update'
    case 'apk':
      return call.sub === 'update'
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return call.sub === 'makecache'
    case 'zypper':
      return call.sub === 'refresh' || call.sub === 'ref'
    default:
      return false
  }
}

/** Whole-system upgrades (not installs of named packages). */
export function isUpgrade(call: PackageCall): boolean {
  switch (call.manager) {
    case 'apt':
      return call.sub === 'upgrade' || call.sub === 'dist-upgrade' || call.sub === 'full-upgrade'
    case 'apk':
      return call.sub === 'upgrade'
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return call.sub === 'upgrade' || call.sub === 'distro-sync' || (call.sub === 'update' && call.operands.length === 0)
    case 'zypper':
      return call.sub === 'update' || call.sub === 'up' || call.sub === 'dist-upgrade' || call.sub === 'dup'
    default:
      return false
  }
}

/** OS packages only (apt/apk/rpm family), the ones that go into system paths. */
export function isOsManager(call: PackageCall): boolean {
  return call.manager === 'apt' || call.manager === 'apk' || call.manager === 'yum' || call.manager === 'dnf' || call.manager === 'microdnf' || call.manager === 'zypper'
}

/** Operands that name packages (not local files, URLs or option values). */
export function packageNames(call: PackageCall): string[] {
  return call.operands.filter(
    (w) => w !== '' && !w.startsWith('/') && !w.startsWith('./') && !w.startsWith('$') && !w.endsWith('.deb') && !w.endsWith('.rpm') && !w.includes('://')
  )
}

export function commandIsProgram(command: ShellCommand, ...names: string[]): boolean {
  return names.includes(basename(command.argv[0] ?? ''))
}
