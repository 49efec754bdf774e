import { ConfigError, errorMessage } from '../../core/errors.js'
import { DEFAULT_CONSECUTIVE_ERROR_LIMIT } from './analysis.js'
import { Condition } from './expr/evaluate.js'
import { parseJsonPath } from './providers/http.js'
import { checkArgv, rollbackPlan, ROLLBACK_PRESETS, type RollbackPreset } from './presets.js'

export interface AnalyzeOptions {
  provider: { kind: 'prometheus'; url: string; query: string } | { kind: 'http'; url: string; jsonPath?: string /* field of the JSON body */ }
  successCondition?: string
  failureCondition?: string
  count: number
  intervalMs: number
  failureLimit: number
  inconclusiveLimit: number
  consecutiveErrorLimit: number
  initialDelayMs?: number
  rollback?: { preset?: 'kubectl' | 'ecs' | 'vercel'; command?: string[] /* argv */; args?: Record<string, string> /* e.g. deployment, namespace, cluster, service */ }
  verify?: { command?: string[]; reanalyze: boolean }
  /** Per-request timeout of the metric provider (Argo's Prometheus default: 30 s). */
  timeoutMs?: number
  /** Error run: Argo aborts, so we roll back (default); 'inconclusive' reports RV-LIVE-002 as a warning without rollback. */
  onError?: 'rollback' | 'inconclusive'
  /** Inconclusive run: Argo pauses for a human (default 'pause'); 'rollback' rolls back instead. */
  onInconclusive?: 'pause' | 'rollback'
}

/** Keys accepted both as action/CLI inputs and in `rollback-verify.analyze` of the config file. */
export const ANALYZE_KEYS = [
  'prometheus-url', 'query', 'health-url', 'json-path', 'success-condition', 'failure-condition', 'count', 'interval',
  'failure-limit', 'inconclusive-limit', 'consecutive-error-limit', 'initial-delay', 'rollback-preset', 'rollback-command',
  'rollback-args', 'verify-command', 'reanalyze', 'timeout', 'on-error', 'on-inconclusive'
] as const

/** With no condition, an HTTP health check passes on any 2xx status. */
export const DEFAULT_HTTP_SUCCESS_CONDITION = 'result >= 200 && result < 300'
const MAX_COUNT = 1000
const MAX_DURATION_MS = 24 * 3600_000

/**
 * Merges `rollback-verify.analyze` from the config (or the section itself, if it holds the keys
 * directly) with inputs; a non-empty input wins. Validates like Argo's ValidateMetric and
 * refuses configurations that could never fail. Throws ConfigError on any bad value.
 */
export function analyzeOptionsFromInputs(section: Record<string, unknown>, inputs: Record<string, string>): AnalyzeOptions {
  const source = pickSection(section)
  const raw = (key: string): unknown => {
    const input = inputs[key]
    if (typeof input === 'string' && input.trim() !== '') return input.trim()
    return source[key]
  }
  const get = new Reader(raw)

  const provider = readProvider(get)
  const successCondition = get.condition('success-condition')
  const failureCondition = get.condition('failure-condition')
  let success = successCondition
  if (!success && !failureCondition) {
    if (provider.kind === 'http' && !provider.jsonPath) success = DEFAULT_HTTP_SUCCESS_CONDITION
    else throw new ConfigError('success-condition or failure-condition is required: without one every measurement passes (RV-AN-002)')
  }

  const intervalMs = get.duration('interval') ?? 0
  const count = get.integer('count', 1) ?? (intervalMs > 0 ? undefined : 1)
  if (count === undefined) throw new ConfigError('count is required with interval: an unbounded analysis never ends')
  if (count > MAX_COUNT) throw new ConfigError(`count must be at most ${MAX_COUNT}`)
  const failureLimit = get.integer('failure-limit', -1) ?? 0
  const inconclusiveLimit = get.integer('inconclusive-limit', 0) ?? 0
  const consecutiveErrorLimit = get.integer('consecutive-error-limit', 0) ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT
  // Argo's ValidateMetric, with consecutiveSuccessLimit fixed at 0 (not supported here).
  if (failureLimit === -1) throw new ConfigError('failure-limit -1 disables failure, which needs a consecutive-success limit; analyze mode has none')
  if (count > 1 && intervalMs === 0) throw new ConfigError('interval must be specified when count > 1')
  if (count < inconclusiveLimit) throw new ConfigError(`count (${count}) must be >= inconclusive-limit (${inconclusiveLimit})`)
  if (failureLimit >= count) {
    throw new ConfigError(`failure-limit (${failureLimit}) must be below count (${count}): otherwise the analysis can never fail (RV-AN-005)`)
  }

  const options: AnalyzeOptions = { provider, count, intervalMs, failureLimit, inconclusiveLimit, consecutiveErrorLimit }
  if (success) options.successCondition = success
  if (failureCondition) options.failureCondition = failureCondition
  const initialDelayMs = get.duration('initial-delay')
  if (initialDelayMs) options.initialDelayMs = initialDelayMs
  const timeoutMs = get.duration('timeout')
  if (timeoutMs !== undefined) {
    if (timeoutMs < 100) throw new ConfigError('timeout must be at least 100ms')
    options.timeoutMs = timeoutMs
  }

  const onError = get.choice('on-error', ['rollback', 'inconclusive'] as const)
  if (onError) options.onError = onError
  const onInconclusive = get.choice('on-inconclusive', ['pause', 'rollback'] as const)
  if (onInconclusive) options.onInconclusive = onInconclusive

  const rollback = readRollback(get)
  if (rollback) {
    rollbackPlan(rollback) // validates preset arguments now, not after a failed deploy
    options.rollback = rollback
  }
  const verifyCommand = get.argv('verify-command')
  options.verify = { reanalyze: get.boolean('reanalyze') ?? true, ...(verifyCommand && { command: verifyCommand }) }
  return options
}

function pickSection(section: Record<string, unknown>): Record<string, unknown> {
  const nested = section.analyze
  if (nested !== undefined) {
    if (!isRecord(nested)) throw new ConfigError('rollback-verify.analyze must be a mapping')
    rejectUnknownKeys(nested, 'rollback-verify.analyze')
    return nested
  }
  return section
}

function rejectUnknownKeys(values: Record<string, unknown>, where: string): void {
  for (const key of Object.keys(values)) {
    if (!(ANALYZE_KEYS as readonly string[]).includes(key)) throw new ConfigError(`${where}: unknown key "${key}"`)
  }
}

function readProvider(get: Reader): AnalyzeOptions['provider'] {
  const prometheusUrl = get.url('prometheus-url')
  const healthUrl = get.url('health-url')
  const query = get.string('query')
  const jsonPath = get.string('json-path')
  if (prometheusUrl && healthUrl) throw new ConfigError('give either prometheus-url or health-url, not both')
  if (prometheusUrl) {
    if (!query) throw new ConfigError('query is required with prometheus-url')
    if (jsonPath) throw new ConfigError('json-path applies to health-url only')
    return { kind: 'prometheus', url: prometheusUrl, query }
  }
  if (healthUrl) {
    if (query) throw new ConfigError('query applies to prometheus-url only')
    if (jsonPath) {
      try {
        parseJsonPath(jsonPath)
      } catch (error) {
        throw new ConfigError(errorMessage(error))
      }
    }
    return { kind: 'http', url: healthUrl, ...(jsonPath && { jsonPath }) }
  }
  throw new ConfigError('analyze mode needs prometheus-url (with query) or health-url')
}

function readRollback(get: Reader): AnalyzeOptions['rollback'] {
  const preset = get.string('rollback-preset')
  const command = get.argv('rollback-command')
  const args = get.keyValues('rollback-args')
  if (preset && preset !== 'none' && !(ROLLBACK_PRESETS as readonly string[]).includes(preset)) {
    throw new ConfigError(`rollback-preset must be one of ${ROLLBACK_PRESETS.join(', ')} (got "${preset}")`)
  }
  const chosen = preset && preset !== 'none' ? (preset as RollbackPreset) : undefined
  if (!chosen && !command) {
    if (args) throw new ConfigError('rollback-args given without rollback-preset')
    return undefined
  }
  return { ...(chosen && { preset: chosen }), ...(command && { command }), ...(args && { args }) }
}

/** Typed access to one merged key at a time, with messages that name the key. */
class Reader {
  constructor(private readonly raw: (key: string) => unknown) {}

  string(key: string): string | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value !== 'string') throw new ConfigError(`${key} must be a string`)
    return value.trim() || undefined
  }

  choice<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key)
    if (value === undefined) return undefined
    if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(`${key} must be one of ${allowed.join(', ')} (got "${value}")`)
    return value as T
  }

  url(key: string): string | undefined {
    const value = this.string(key)
    if (!value) return undefined
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new ConfigError(`${key} is not a valid URL`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${key} must be an http(s) URL`)
    return value
  }

  condition(key: string): string | undefined {
    const value = this.string(key)
    if (!value) return undefined
    try {
      Condition.parse(value)
    } catch (error) {
      throw new ConfigError(`${key}: ${errorMessage(error)}`)
    }
    return value
  }

  integer(key: string, min: number): number | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n)) throw new ConfigError(`${key} must be an integer (got ${JSON.stringify(value)})`)
    if (n < min) throw new ConfigError(`${key} must be >= ${min} (got ${n})`)
    return n
  }

  boolean(key: string): boolean | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value === 'boolean') return value
    if (value === 'true') return true
    if (value === 'false') return false
    throw new ConfigError(`${key} must be true or false`)
  }

  duration(key: string): number | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value !== 'string') throw new ConfigError(`${key} must be a duration such as "30s" or "1m" (got ${JSON.stringify(value)})`)
    const ms = parseDuration(value)
    if (ms === undefined) throw new ConfigError(`${key} must be a duration such as "30s", "1m30s" or "500ms" (got "${value}")`)
    if (ms > MAX_DURATION_MS) throw new ConfigError(`${key} must be at most 24h`)
    return ms
  }

  /** A JSON array of strings, or a string split on whitespace — never handed to a shell. */
  argv(key: string): string[] | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    let argv: unknown = value
    if (typeof value === 'string') {
      const text = value.trim()
      if (text.startsWith('[')) {
        try {
          argv = JSON.parse(text)
        } catch {
          throw new ConfigError(`${key} looks like a JSON array but does not parse`)
        }
      } else {
        argv = text.split(/\s+/).filter(Boolean)
      }
    }
    if (!Array.isArray(argv) || !argv.every(part => typeof part === 'string')) throw new ConfigError(`${key} must be a list of strings (argv)`)
    checkArgv(key, argv as string[])
    return argv as string[]
  }

  /** `k=v` lines (or a mapping in the config file). */
  keyValues(key: string): Record<string, string> | undefined {
    const value = this.raw(key)
    if (value === undefined || value === null || value === '') return undefined
    const result: Record<string, string> = Object.create(null) as Record<string, string>
    if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string' && typeof v !== 'number') throw new ConfigError(`${key}.${k} must be a string`)
        result[k] = String(v)
      }
      return { ...result }
    }
    if (typeof value !== 'string') throw new ConfigError(`${key} must be k=v lines`)
    for (const line of value.split(/\r?\n/)) {
      const text = line.trim()
      if (!text || text.startsWith('#')) continue
      const eq = text.indexOf('=')
      if (eq <= 0) throw new ConfigError(`${key}: "${text}" is not k=v`)
      result[text.slice(0, eq).trim()] = text.slice(eq + 1).trim()
    }
    return { ...result }
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Go-style durations: "30s", "1m30s", "500ms", "1.5h"; a bare "0" is zero. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim()
  if (value === '0') return 0
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/y
  let total = 0
  let position = 0
  while (position < value.length) {
    pattern.lastIndex = position
    const match = pattern.exec(value)
    if (!match) return undefined
    total += Number(match[1]) * UNIT_MS[match[2]!]!
    position = pattern.lastIndex
  }
  return position === 0 ? undefined : Math.round(total)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
