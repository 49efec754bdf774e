import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Ajv, type ErrorObject, type Schema } from 'ajv'
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { ConfigError } from './errors.js'
import type { Policy } from './policy.js'
import { parseThreshold, SEVERITIES, type Severity } from './severity.js'
import type { SuppressionEntry } from './suppressions.js'

export const DEFAULT_CONFIG_PATH = '.github/deploy-gates.yml'

const severityEnum = [...SEVERITIES, 'none']
const budgets = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(SEVERITIES.map(s => [s, { type: 'integer', minimum: 0 }]))
}
const thresholds = {
  type: 'object',
  additionalProperties: false,
  properties: { 'fail-on': { enum: severityEnum }, budgets }
}

/** Schema of the whole file; each capability validates its own section with `validateSection`. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    policy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'fail-on': { enum: severityEnum },
        budgets,
        sources: { type: 'object', additionalProperties: thresholds },
        include: { type: 'array', items: { type: 'string' } },
        exclude: { type: 'array', items: { type: 'string' } },
        'ignore-unfixed': { type: 'boolean' }
      }
    },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        anyOf: [{ required: ['rule'] }, { required: ['tool'] }, { required: ['path'] }],
        properties: {
          rule: { type: 'string', minLength: 1 },
          tool: { type: 'string', minLength: 1 },
          path: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 3 },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
        }
      }
    },
    gates: { type: 'object' },
    'container-lint': { type: 'object' },
    'oidc-guard': { type: 'object' },
    'rollback-verify': { type: 'object' }
  }
} as const

export type ConfigSection = 'gates' | 'container-lint' | 'oidc-guard' | 'rollback-verify'

/** A loaded, validated config file that still knows where each key was written. */
export class DeployGatesConfig {
  constructor(
    readonly file: string | undefined,
    readonly data: Record<string, unknown>,
    private readonly doc?: Document,
    private readonly lines?: LineCounter
  ) {}

  static empty(): DeployGatesConfig {
    return new DeployGatesConfig(undefined, {})
  }

  /** 1-based line of the node at `path` (keys and indexes), or undefined. */
  lineOf(path: Array<string | number>): number | undefined {
    if (!this.doc || !this.lines) return undefined
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line
    }
    return undefined
  }

  section(name: ConfigSection): Record<string, unknown> {
    const value = this.data[name]
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  }

  /** Validates one capability's section against its schema, throwing a ConfigError with file and line. */
  validateSection<T>(name: ConfigSection, schema: Schema): T {
    const section = this.section(name)
    validate(schema, section, this, [name])
    return section as T
  }

  policy(): Policy {
    const p = (this.data.policy ?? {}) as Record<string, unknown>
    const sources: Policy['sources'] = {}
    for (const [name, raw] of Object.entries((p.sources ?? {}) as Record<string, Record<string, unknown>>)) {
      sources[name] = {
        ...(raw['fail-on'] !== undefined && { failOn: parseThreshold(String(raw['fail-on']), `policy.sources.${name}.fail-on`) }),
        ...(raw.budgets !== undefined && { budgets: raw.budgets as Partial<Record<Severity, number>> })
      }
    }
    return {
      failOn: p['fail-on'] !== undefined ? parseThreshold(String(p['fail-on']), 'policy.fail-on') : 'high',
      budgets: (p.budgets ?? {}) as Partial<Record<Severity, number>>,
      sources,
      include: (p.include ?? []) as string[],
      exclude: (p.exclude ?? []) as string[],
      ignoreUnfixed: p['ignore-unfixed'] === true
    }
  }

  suppressions(): SuppressionEntry[] {
    const list = (this.data.suppressions ?? []) as Array<Omit<SuppressionEntry, 'file' | 'line'>>
    return list.map((entry, index) => ({ ...entry, file: this.file, line: this.lineOf(['suppressions', index]) }))
  }
}

function validate(schema: Schema, value: unknown, config: DeployGatesConfig, prefix: Array<string | number>): void {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const check = ajv.compile(schema)
  if (check(value)) return
  const first = pickError(check.errors ?? [])
  const path = [...prefix, ...pointerToPath(first.instancePath)]
  const key = path.join('.') || '(top level)'
  const detail =
    first.keyword === 'additionalProperties'
      ? `unknown key "${String(first.params.additionalProperty)}"`
      : first.keyword === 'enum'
        ? `must be one of ${(first.params.allowedValues as unknown[]).join(', ')}`
        : (first.message ?? 'is invalid')
  throw new ConfigError(`${key}: ${detail}`, config.file, config.lineOf(path))
}

function pickError(errors: ErrorObject[]): ErrorObject {
  // anyOf/if noise is less useful than a concrete leaf error.
  return errors.find(e => e.keyword !== 'anyOf') ?? errors[0]!
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return []
  return pointer
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(part => (/^\d+$/.test(part) ? Number(part) : part))
}

/** Parses and validates config text. Exported for tests and for callers holding the text already. */
export function parseConfig(text: string, file: string): DeployGatesConfig {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const line = lines.linePos(error.pos[0]).line
    throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, file, line)
  }
  const contents = doc.contents
  if (contents !== null && !isMap(contents)) {
    throw new ConfigError(isSeq(contents) ? 'expected a mapping at the top level, found a list' : 'expected a mapping at the top level', file, 1)
  }
  // maxAliasCount guards against alias bombs; yaml reports one as a ReferenceError, which is the file's fault.
  let data: Record<string, unknown>
  try {
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>
  } catch (error) {
    throw new ConfigError(`invalid YAML: ${error instanceof Error ? error.message : String(error)} (too many aliases)`, file, 1)
  }
  const config = new DeployGatesConfig(file, data, doc, lines)
  validate(CONFIG_SCHEMA as Schema, data, config, [])
  return config
}

/**
 * Loads the config file. An explicitly named file must exist; the default
 * location is optional (no file = defaults).
 */
export async function loadConfig(workspace: string, explicit?: string): Promise<DeployGatesConfig> {
  const file = explicit || DEFAULT_CONFIG_PATH
  let text: string
  try {
    text = await readFile(resolve(workspace, file), 'utf8')
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return DeployGatesConfig.empty()
    throw new ConfigError(`cannot read config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, file)
  }
  return parseConfig(text, file)
}
