/**
 * Derives broken variants of a valid input file for the fail-closed corpus
 * (issue 8). Pure functions over bytes: the caller writes each variant into a
 * throw-away workspace and runs it through the CLI.
 *
 * Each variant carries the rule it is judged by:
 * - `error`: the content is damaged or of the wrong type: the verdict must be `error`.
 * - `not-weaker`: the content may still be a readable report (a shape swap,
 *   a renamed side key, a misleading file name): the verdict must be the
 *   original's verdict or `error`. So a variant of a blocking report never
 *   passes, and a variant of an erroring report never passes nor fails.
 * - `same`: only the encoding changed: verdict and counts equal the original's.
 */
import { isDeepStrictEqual } from 'node:util'

export type Expectation = 'error' | 'not-weaker' | 'same'

export interface Variant {
  category: string
  /** Short, stable description: used as a test label and in KNOWN BUG lists. */
  id: string
  /** Where to write it, relative to the workspace (keeps the original name unless the variant is about the name). */
  relPath: string
  bytes: Buffer
  expect: Expectation
  /** Extra CLI arguments (e.g. an explicit --report-format). */
  args?: string[]
}

/** Keys that hold findings in the report formats we read (compared lower-case). */
export const FINDINGS_KEYS = new Set([
  'results',
  'runs',
  'vulnerabilities',
  'misconfigurations',
  'secrets',
  'licenses',
  'advisories',
  'failed_checks',
  'findings',
  'leaks'
])

/** Scalar fields a finding's identity or severity hangs on. */
export const KEY_SCALARS = new Set([
  'severity',
  'level',
  'ruleid',
  'rule_id',
  'check_id',
  'vulnerabilityid',
  'avdid',
  'id',
  'file',
  'file_path',
  'path',
  'startline',
  'line',
  'line_range',
  'pkgname',
  'installedversion',
  'target',
  'rule'
])

type Path = Array<string | number>
type Json = unknown

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function label(path: Path): string {
  return path.length === 0 ? '(root)' : path.map(p => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')
}

/** Returns a deep copy of `doc` with the node at `path` replaced by `value` (or renamed when `rename` is given). */
export function replaceAt(doc: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(doc)) return doc.map((item, i) => (i === head ? replaceAt(item, rest, value) : item))
  if (isObject(doc)) {
    // defineProperty-style copy so a "__proto__" key in a report stays a plain key.
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(doc)) Object.defineProperty(out, k, { value: k === head ? replaceAt(v, rest, value) : v, enumerable: true, writable: true, configurable: true })
    return out
  }
  return doc
}

/** A copy of `doc` with the key at `path` renamed to `to`, keeping key order. */
export function renameAt(doc: Json, path: Path, to: string): Json {
  const parentPath = path.slice(0, -1)
  const key = path[path.length - 1] as string
  const parent = getAt(doc, parentPath)
  if (!isObject(parent)) return doc
  const renamed: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(parent)) Object.defineProperty(renamed, k === key ? to : k, { value: v, enumerable: true, writable: true, configurable: true })
  return replaceAt(doc, parentPath, renamed)
}

export function getAt(doc: Json, path: Path): Json {
  let node = doc
  for (const p of path) {
    if (Array.isArray(node) && typeof p === 'number') node = node[p]
    else if (isObject(node) && typeof p === 'string') node = node[p]
    else return undefined
  }
  return node
}

/** Every node down to `maxDepth` path segments; arrays are entered through their first item only. */
function walk(doc: Json, maxDepth: number, visit: (path: Path, value: Json) => void, path: Path = []): void {
  visit(path, doc)
  if (path.length >= maxDepth) return
  if (Array.isArray(doc)) {
    if (doc.length > 0) walk(doc[0], maxDepth, visit, [...path, 0])
  } else if (isObject(doc)) {
    for (const [k, v] of Object.entries(doc)) walk(v, maxDepth, visit, [...path, k])
  }
}

function nonEmptyContainer(value: Json): boolean {
  return (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0)
}

function toBytes(doc: Json): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`)
}

/** Truncation offsets: 1 byte, 10 %, 50 %, 90 %, all but the last byte. */
export function truncationOffsets(length: number): number[] {
  const raw = [1, Math.floor(length * 0.1), Math.floor(length * 0.5), Math.floor(length * 0.9), length - 1]
  return [...new Set(raw)].filter(n => n > 0 && n < length).sort((a, b) => a - b)
}

/** True when the cut text still says the same thing (a trailing newline cut, say): not a corruption. */
function sameContent(original: string, cut: string, json: boolean): boolean {
  if (original.trimEnd() === cut.trimEnd()) return true
  if (!json) return false
  try {
    return isDeepStrictEqual(JSON.parse(cut), JSON.parse(original))
  } catch {
    return false
  }
}

const OTHER_NAMES: Array<[RegExp, string]> = [
  [/trivy/i, 'semgrep.sarif'],
  [/semgrep/i, 'trivy.json'],
  [/gitleaks/i, 'checkov.json'],
  [/checkov/i, 'gitleaks.json'],
  [/tfsec/i, 'npm-audit.json'],
  [/npm-audit/i, 'tfsec.json']
]

function misleadingName(relPath: string): string {
  for (const [pattern, name] of OTHER_NAMES) if (pattern.test(relPath)) return name
  return 'trivy-results.json'
}

export interface SourceFile {
  /** Label of the source, e.g. shared/trivy/trivy-image-vulns.json. */
  label: string
  /** Relative path the variants keep (folder hints such as trivy/ stay). */
  relPath: string
  bytes: Buffer
}

export interface VariantLimits {
  wrongTypes: number
  renames: number
  shapeSwaps: number
  keyScalars: number
}

const DEFAULT_LIMITS: VariantLimits = { wrongTypes: 3, renames: 8, shapeSwaps: 3, keyScalars: 4 }

/**
 * All structural variants of one report (truncations, wrong types, renamed
 * keys, array/object swaps, misleading names, encodings). `formatsNotMatching`
 * lists report formats the content is NOT (for an explicit wrong --report-format).
 */
export function reportVariants(source: SourceFile, wrongFormat: string | undefined, limits: VariantLimits = DEFAULT_LIMITS): Variant[] {
  const text = source.bytes.toString('utf8')
  let doc: Json
  let isJson = true
  try {
    doc = JSON.parse(text)
  } catch {
    isJson = false
  }
  const out: Variant[] = []
  const rel = source.relPath
  const add = (category: string, what: string, bytes: Buffer, expect: Expectation, relPath = rel, args?: string[]): void => {
    out.push({ category, id: `${source.label} ${category}: ${what}`, relPath, bytes, expect, ...(args && { args }) })
  }

  for (const offset of truncationOffsets(source.bytes.length)) {
    const cut = source.bytes.subarray(0, offset)
    if (sameContent(text, cut.toString('utf8'), isJson)) continue
    add('truncated', `first ${offset} of ${source.bytes.length} bytes`, Buffer.from(cut), 'error')
  }

  if (isJson) {
    const containers: Path[] = []
    const renames: Path[] = []
    const scalars: Path[] = []
    walk(doc, 4, (path, value) => {
      const key = path[path.length - 1]
      // metadata.vulnerabilities (npm audit) is a summary of counts, not findings.
      const underMetadata = path.some(p => typeof p === 'string' && /^metadata$/i.test(p))
      const isFindings = path.length === 0 ? Array.isArray(value) : typeof key === 'string' && FINDINGS_KEYS.has(key.toLowerCase()) && !underMetadata
      if (isFindings && path.length <= 3 && (Array.isArray(value) || isObject(value))) containers.push(path)
      if (typeof key === 'string' && path.length <= 3 && nonEmptyContainer(value)) renames.push(path)
      if (typeof key === 'string' && KEY_SCALARS.has(key.toLowerCase()) && path.length >= 2 && (typeof value === 'string' || typeof value === 'number')) {
        // Only scalars inside a findings container (…results[0].severity), not metadata.
        if (path.some(p => typeof p === 'string' && FINDINGS_KEYS.has(p.toLowerCase())) || Array.isArray(doc)) scalars.push(path)
      }
    })
    for (const path of containers.slice(0, limits.wrongTypes)) {
      const value = getAt(doc, path)
      const wrong: Array<[string, Json]> = [
        ['a string', 'corrupted'],
        ['a number', 42],
        ['true', true],
        Array.isArray(value) ? ['an object', { unexpected: true }] : ['a list of strings', ['unexpected']]
      ]
      for (const [what, replacement] of wrong) add('wrong-type', `${label(path)} replaced by ${what}`, toBytes(replaceAt(doc, path, replacement)), 'error')
    }
    for (const path of scalars.slice(0, limits.keyScalars)) {
      add('wrong-type', `${label(path)} (a key field) replaced by an object`, toBytes(replaceAt(doc, path, { unexpected: [1, 2] })), 'not-weaker')
    }
    for (const path of renames.slice(0, limits.renames)) {
      const key = path[path.length - 1] as string
      add('renamed-key', `${label(path)} renamed to ${key}Renamed`, toBytes(renameAt(doc, path, `${key}Renamed`)), 'not-weaker')
    }
    const swaps = containers.filter(p => nonEmptyContainer(getAt(doc, p))).slice(0, limits.shapeSwaps)
    for (const path of swaps) {
      const value = getAt(doc, path)
      const swapped = Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : Object.values(value as Record<string, unknown>)
      add('shape-swap', `${label(path)}: ${Array.isArray(value) ? 'array → object' : 'object → array'}`, toBytes(replaceAt(doc, path, swapped)), 'not-weaker')
    }
    if (isObject(doc)) add('shape-swap', '(root) object wrapped in an array', toBytes([doc]), 'not-weaker')
    else if (Array.isArray(doc)) add('shape-swap', '(root) array wrapped in an object', toBytes({ items: doc }), 'not-weaker')
  }

  const name = misleadingName(rel)
  add('misleading-name', `saved as ${name}`, Buffer.from(source.bytes), 'not-weaker', `misnamed/${name}`)
  if (wrongFormat) add('wrong-format-flag', `--report-format ${wrongFormat}`, Buffer.from(source.bytes), 'error', rel, ['--report-format', wrongFormat])

  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), source.bytes])
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  const be = Buffer.from(le)
  be.swap16()
  add('encoding', 'UTF-8 with BOM', bom8, 'same')
  add('encoding', 'UTF-16 LE with BOM', le, 'same')
  add('encoding', 'UTF-16 BE with BOM', be, 'same')
  return out
}
