import { UserError } from '../core/errors.js'

export type OutputFormat = 'text' | 'json' | 'sarif'

export interface CommonArgs {
  command?: string
  positionals: string[]
  format: OutputFormat
  config?: string
  failOn?: string
  budgets?: string
  output?: string
  sarifFile?: string
  workspace?: string
  allowOutside: boolean
  help: boolean
  version: boolean
  quiet: boolean
  /** Publish annotations, summary and outputs to the GitHub runner's files. */
  github: boolean
  /** Command-specific flags, passed to the command untouched. */
  flags: Record<string, string | boolean>
}

const VALUE_FLAGS = new Set(['format', 'config', 'fail-on', 'budgets', 'output', 'sarif-file', 'workspace'])
const BOOLEAN_FLAGS = new Set(['help', 'version', 'allow-outside', 'quiet', 'github'])
const SHORT: Record<string, string> = { h: 'help', o: 'output', f: 'format', c: 'config', C: 'workspace', q: 'quiet' }

/**
 * Parses `deploy-gates <command> [paths…] [--flag value | --flag=value]`.
 * Unknown `--flags` go to the command, which rejects what it does not know.
 * A flag followed by another flag or nothing is boolean.
 */
export function parseArgs(argv: string[]): CommonArgs {
  const out: CommonArgs = { positionals: [], format: 'text', allowOutside: false, help: false, version: false, quiet: false, github: false, flags: {} }
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1))
      break
    }
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg)
    const short = /^-([a-zA-Z])$/.exec(arg)
    const name = long ? long[1]! : short ? SHORT[short[1]!] : undefined
    if (short && !name) throw new UserError(`unknown option ${arg}`)
    if (!name) {
      if (out.command === undefined) out.command = arg
      else out.positionals.push(arg)
      continue
    }
    const inline = long?.[2]
    if (BOOLEAN_FLAGS.has(name)) {
      if (inline !== undefined) throw new UserError(`--${name} takes no value`)
      if (name === 'help') out.help = true
      if (name === 'version') out.version = true
      if (name === 'allow-outside') out.allowOutside = true
      if (name === 'quiet') out.quiet = true
      if (name === 'github') out.github = true
      continue
    }
    const next = argv[i + 1]
    const hasNext = next !== undefined && !next.startsWith('-')
    const value = inline ?? (hasNext ? (i++, next) : undefined)
    if (VALUE_FLAGS.has(name)) {
      if (value === undefined) throw new UserError(`--${name} needs a value`)
      values[name] = value
    } else {
      out.flags[name] = value ?? true
    }
  }
  if (values.format !== undefined) {
    if (!['text', 'json', 'sarif'].includes(values.format)) throw new UserError(`--format must be text, json or sarif, not "${values.format}"`)
    out.format = values.format as OutputFormat
  }
  out.config = values.config
  out.failOn = values['fail-on']
  out.budgets = values.budgets
  out.output = values.output
  out.sarifFile = values['sarif-file']
  out.workspace = values.workspace
  return out
}

/** Reads a string flag of a command, rejecting a bare boolean. */
export function stringFlag(flags: Record<string, string | boolean>, name: string): string | undefined {
  const value = flags[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new UserError(`--${name} needs a value`)
  return value
}

/** Fails on flags a command does not know, so a typo never silently weakens a gate. */
export function rejectUnknownFlags(flags: Record<string, string | boolean>, known: string[]): void {
  const unknown = Object.keys(flags).filter(f => !known.includes(f))
  if (unknown.length) throw new UserError(`unknown option ${unknown.map(f => `--${f}`).join(', ')}`)
}
