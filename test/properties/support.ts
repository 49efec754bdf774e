/**
 * Shared pieces of the property tests (issue 8): "throws only the documented
 * error types", "terminates within a generous bound", adversarial inputs and a
 * per-entry run counter printed at the end of each file.
 */
import { errorMessage } from '../../src/core/errors.js'

// Error classes only; their constructor arguments differ.
export type ErrorClass = abstract new (...args: never[]) => Error

/** Calls `fn`; an error that is not one of `allowed` fails the property with its class and message. */
export function onlyDocumented<T>(fn: () => T, allowed: ErrorClass[]): T | undefined {
  try {
    return fn()
  } catch (error) {
    if (allowed.some(type => error instanceof type)) return undefined
    const name = error instanceof Error ? error.constructor.name : typeof error
    throw new Error(`undocumented ${name}: ${errorMessage(error).slice(0, 300)}`, { cause: error })
  }
}

export async function onlyDocumentedAsync<T>(fn: () => Promise<T>, allowed: ErrorClass[]): Promise<T | undefined> {
  try {
    return await fn()
  } catch (error) {
    if (allowed.some(type => error instanceof type)) return undefined
    const name = error instanceof Error ? error.constructor.name : typeof error
    throw new Error(`undocumented ${name}: ${errorMessage(error).slice(0, 300)}`, { cause: error })
  }
}

/**
 * Generous bound for adversarial inputs on a loaded 2-core machine (load
 * average 15 seen while helpers run in parallel): "terminates", not a benchmark.
 */
export const TERMINATES_MS = 60_000

/** Runs `fn` and fails when it took longer than the bound (a hang is caught by the test timeout). */
export async function terminates<T>(label: string, fn: () => T | Promise<T>, boundMs = TERMINATES_MS): Promise<T> {
  const start = performance.now()
  const value = await fn()
  const elapsed = performance.now() - start
  if (elapsed > boundMs) throw new Error(`${label}: took ${Math.round(elapsed)} ms, more than the ${boundMs} ms bound`)
  return value
}

/** Counts property runs per entry point; `print` lists them. */
export class RunCounter {
  private readonly runs = new Map<string, number>()

  /** Wraps a predicate so each call counts as one run of `entry`. */
  count<A extends unknown[], R>(entry: string, predicate: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      this.runs.set(entry, (this.runs.get(entry) ?? 0) + 1)
      return predicate(...args)
    }
  }

  add(entry: string, n = 1): void {
    this.runs.set(entry, (this.runs.get(entry) ?? 0) + n)
  }

  print(title: string): void {
    const total = [...this.runs.values()].reduce((a, b) => a + b, 0)
    console.log([`${title}: ${total} property run(s)`, ...[...this.runs.entries()].sort().map(([k, v]) => `  ${k.padEnd(40)} ${v}`)].join('\n'))
  }
}

/** A string that makes backtracking regexes explode if any pattern is quadratic or worse on it. */
export const HOSTILE = `${'a'.repeat(50_000)}!`
export const HOSTILE_SPACES = `${' '.repeat(50_000)}x`
export const HOSTILE_MIXED = `${'-a'.repeat(25_000)}\u0000`

/** JSON text of `depth` nested arrays. */
export function deepArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

/** JSON text of `depth` nested objects under key k. */
export function deepObjects(depth: number): string {
  return `${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** The YAML "billion laughs": 9 levels of 9 aliases each (387 million nodes if expanded). */
export function yamlBomb(prefix = ''): string {
  const lines = [prefix, 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`)
  return `${lines.join('\n')}\n`
}

/** Replaces every string value (not keys) of a JSON document with `value`. */
export function replaceStrings(doc: unknown, value: string): unknown {
  if (typeof doc === 'string') return value
  if (Array.isArray(doc)) return doc.map(item => replaceStrings(item, value))
  if (doc !== null && typeof doc === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(doc)) Object.defineProperty(out, k, { value: replaceStrings(v, value), enumerable: true, writable: true, configurable: true })
    return out
  }
  return doc
}
