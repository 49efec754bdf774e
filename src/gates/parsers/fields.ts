import { normalizePath, sha256Hex128 } from '../../core/finding.js'
import { isList, LazyList, listAt, type JsonList } from '../../core/lazy-json.js'

/**
 * Small typed readers over JSON.parse output. Reports are untrusted: a key
 * field of the wrong type is an error (never a silent zero), and report
 * objects are only read, never merged, so keys like `__proto__` stay inert.
 */
export type Obj = Record<string, unknown>

/** A report that parsed as JSON but whose content cannot be trusted. parseReport adds the file name. */
export class ReportShapeError extends Error {
  override name = 'ReportShapeError'
}

export function fail(message: string): never {
  throw new ReportShapeError(message)
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LazyList)
}

export function typeName(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (isList(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/** An optional array (lazy or not, see core/lazy-json): absent or null → undefined; any other non-array → error. */
export function optArray(obj: Obj, key: string, where: string): JsonList | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!isList(value)) fail(`${where}.${key} is ${typeName(value)}, expected an array`)
  return value
}

/** An optional object: absent or null → undefined; any other non-object → error. */
export function optObj(obj: Obj, key: string, where: string): Obj | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!isObj(value)) fail(`${where}.${key} is ${typeName(value)}, expected an object`)
  return value
}

/** A required non-empty string. */
export function reqStr(obj: Obj, key: string, where: string): string {
  const value = obj[key]
  if (typeof value !== 'string' || value === '') {
    fail(`${where}.${key} is ${value === '' ? 'empty' : typeName(value)}, expected a non-empty string`)
  }
  return value
}

/** An optional string; numbers are accepted as their text, other types → undefined. */
export function str(obj: Obj | undefined, key: string): string | undefined {
  if (!obj) return undefined
  const value = obj[key]
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * str() for a value already read: `strOf(v.Title)`. In hot loops a named
 * property read at the call site is cheaper than str()'s computed key.
 */
export function strOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * One copy of each repeated text of a report. JSON.parse gives every
 * occurrence its own string, and findings outlive the document: a title,
 * advisory link or rule message repeated over thousands of findings would be
 * kept thousands of times. Equal strings are interchangeable, so results
 * do not change.
 */
export class StringPool {
  private readonly strings = new Map<string, string>()

  get(value: string): string {
    const known = this.strings.get(value)
    if (known !== undefined) return known
    this.strings.set(value, value)
    return value
  }

  /** get() for optional values. */
  opt(value: string | undefined): string | undefined {
    return value === undefined ? undefined : this.get(value)
  }
}

/** A positive integer line number, else undefined. */
export function lineNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value
  if (typeof value === 'string' && value !== '') {
    const n = Number(value)
    if (Number.isInteger(n) && n >= 1) return n
  }
  return undefined
}

/** Element `index` of an array that must hold objects. */
export function elementObj(array: JsonList, index: number, where: string): Obj {
  const value = listAt(array, index)
  if (!isObj(value)) fail(`${where}[${index}] is ${typeName(value)}, expected an object`)
  return value
}

/** normalizePath, skipped when there is nothing to normalise (most paths; it runs once per finding). */
export function cleanPath(path: string): string {
  return path.includes('\\') || path.startsWith('./') ? normalizePath(path) : path
}

/** First line, trimmed and cut to `max` characters: for titles built from long messages. */
export function firstLine(text: string, max = 200): string {
  const end = text.indexOf('\n')
  const line = (end === -1 ? text : text.slice(0, end)).trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** Reads "Label: value" out of a multi-line message (Trivy, grype). '' when the label has no value. */
export function labelledValue(text: string, label: string): string | undefined {
  const key = `${label}:`
  let from: number
  if (text.startsWith(key)) from = key.length
  else {
    const at = text.indexOf(`\n${key}`)
    if (at === -1) return undefined
    from = at + 1 + key.length
  }
  const end = text.indexOf('\n', from)
  return (end === -1 ? text.slice(from) : text.slice(from, end)).trim()
}

/**
 * fingerprintOf(...parts) in one step: the parts joined by NUL and hashed
 * once, without fingerprintOf's rest-parameter array and concatenations (a
 * test checks the digest against fingerprintOf).
 */
export function fastFingerprint(parts: ReadonlyArray<string | number | undefined>): string {
  // Array#join writes undefined as '' — the same text fingerprintOf hashes for each part.
  return sha256Hex128(`${parts.join('\u0000')}\u0000`)
}

/**
 * Fingerprints of one report: fingerprintOf over the identity parts, and
 * when two findings of the report share them (same rule, file and code),
 * the second gets an occurrence number — stable across line shifts, unlike
 * the line number.
 */
export class FingerprintSet {
  private readonly seen = new Map<string, number>()

  /**
   * Without occurrence numbers, for identities that already name one thing:
   * a vulnerability (advisory + package + installed version + target). The
   * same identity twice is the same finding, and skipping the bookkeeping
   * keeps large reports cheap. (Secrets keep occurrence numbers: the same
   * example key pasted twice in one file is two leaks.)
   */
  same(...parts: Array<string | number | undefined>): string {
    return fastFingerprint(parts)
  }

  of(...parts: Array<string | number | undefined>): string {
    const base = fastFingerprint(parts)
    const count = this.seen.get(base)
    if (count === undefined) {
      this.seen.set(base, 1)
      return base
    }
    this.seen.set(base, count + 1)
    return fastFingerprint([base, count + 1])
  }
}
