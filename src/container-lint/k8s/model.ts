import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml'

/**
 * Kubernetes manifests as plain JS values that remember where they were
 * written. Rules read ordinary objects (easy to narrow) and ask
 * `lineOf(parent, key)` when they need the offending line. Each file is
 * parsed exactly once.
 */
export type Obj = Record<string, unknown>

/**
 * Where each converted collection came from: source offsets only (lines are
 * computed when a finding needs one), so the YAML syntax tree can be dropped
 * as soon as a file is converted.
 */
interface Origin {
  lines: LineCounter
  start: number
  /** Map keys in source order (the last duplicate wins); undefined for sequences. */
  keys?: string[]
  /** Offset of each key (maps) or item (sequences). */
  offsets: number[]
  /** Keys that came in through a merge key (<<: *base): their line is in the merged source. */
  merged?: Map<string, object>
}

/** Kept on the value itself under a symbol (invisible to Object.keys/JSON): cheaper for the GC than a WeakMap of every node. */
const ORIGIN = Symbol('container-lint.origin')

function originOf(value: object): Origin | undefined {
  return (value as { [ORIGIN]?: Origin })[ORIGIN]
}

function setOrigin(value: object, origin: Origin): void {
  ;(value as { [ORIGIN]?: Origin })[ORIGIN] = origin
}

function offsetOf(node: unknown): number {
  return (node as { range?: [number, number, number] | null } | null | undefined)?.range?.[0] ?? -1
}

/** Line of `key` inside `parent` (its key line for maps, item line for lists), else the parent's own line. */
export function lineOf(parent: unknown, key?: string | number): number {
  if (parent === null || typeof parent !== 'object') return 1
  const origin = originOf(parent)
  if (!origin) return 1
  let offset = origin.start
  if (key !== undefined) {
    const merged = origin.merged?.get(String(key))
    if (merged) return lineOf(merged, String(key))
    const index = origin.keys ? origin.keys.lastIndexOf(String(key)) : typeof key === 'number' ? key : -1
    const found = index >= 0 ? origin.offsets[index] : undefined
    if (found !== undefined && found >= 0) offset = found
  }
  return offset >= 0 ? origin.lines.linePos(offset).line : 1
}

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  return undefined
}

/** A Kubernetes object found in a file (top level document or an item of a `*List`). */
export interface K8sObject {
  path: string
  apiVersion: string
  kind: string
  name: string
  /** metadata.namespace; undefined when the manifest leaves it to the apply context. */
  namespace: string | undefined
  raw: Obj
  metadata: Obj
  /** Line of `metadata:` (where an ignore annotation lives), else of `kind:`. */
  line: number
  /** `# Source:` comment written by `helm template`, when present. */
  helmSource?: string
}

export interface ParseProblem {
  line: number
  message: string
}

export interface ManifestFile {
  path: string
  objects: K8sObject[]
  /** Documents that failed to parse or have an impossible shape (CL-K8S-000). */
  problems: ParseProblem[]
  notices: string[]
  /** True when at least one document looked like a Kubernetes object (or failed to parse). */
  looksLikeKubernetes: boolean
}

const MAX_ALIAS_EXPANSIONS = 1000

class Converter {
  private expansions = 0
  duplicateKeys: Array<{ key: string; line: number }> = []
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  convert(node: unknown): unknown {
    if (isAlias(node)) {
      if (++this.expansions > MAX_ALIAS_EXPANSIONS) throw new Error('too many alias expansions (alias bomb?)')
      return this.convert(node.resolve(this.doc))
    }
    if (isScalar(node)) {
      const v = node.value
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
      // Timestamps, binary, bigints: keep the written text.
      return node.source !== undefined ? String(node.source) : String(v)
    }
    if (isSeq(node)) {
      const out: unknown[] = new Array<unknown>(node.items.length)
      const offsets: number[] = new Array<number>(node.items.length)
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]
        out[i] = this.convert(item)
        offsets[i] = offsetOf(item)
      }
      setOrigin(out, { lines: this.lines, start: offsetOf(node), offsets })
      return out
    }
    if (isMap(node)) {
      // A plain object (not Object.create(null), which V8 keeps in slow dictionary mode); "__proto__" is defined, never assigned.
      const out: Obj = {}
      let merges: unknown[] | undefined
      const keys: string[] = []
      const offsets: number[] = []
      for (const pair of node.items) {
        const keyNode = pair.key
        const rawKey = isScalar(keyNode) ? keyNode.value : keyNode
        if (rawKey === '<<' || (typeof rawKey === 'symbol' && rawKey.description === '<<')) {
          ;(merges ??= []).push(this.convert(pair.value))
          continue
        }
        const key = rawKey === null || rawKey === undefined ? '' : typeof rawKey === 'object' ? JSON.stringify(this.convert(rawKey)) : String(rawKey)
        const keyOffset = offsetOf(keyNode)
        if (Object.hasOwn(out, key)) this.duplicateKeys.push({ key, line: keyOffset >= 0 ? this.lines.linePos(keyOffset).line : 1 })
        keys.push(key)
        offsets.push(keyOffset)
        const value = this.convert(pair.value) // last one wins, as kubectl's decoder does
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
        else out[key] = value
      }
      const origin: Origin = { lines: this.lines, start: offsetOf(node), keys, offsets }
      // Merge keys (<<: *base) fill in only what the map does not set itself.
      for (const merged of merges ?? []) {
        for (const source of Array.isArray(merged) ? merged : [merged]) {
          if (!isObj(source)) continue
          for (const [k, v] of Object.entries(source)) {
            if (Object.hasOwn(out, k) || k === '__proto__') continue
            out[k] = v
            ;(origin.merged ??= new Map<string, object>()).set(k, source)
          }
        }
      }
      setOrigin(out, origin)
      return out
    }
    return null
  }
}

function helmSourceOf(comment: string | null | undefined): string | undefined {
  const m = comment ? /(?:^|\n)\s*Source:\s*(\S+)/.exec(comment) : null
  return m?.[1]
}

const LOOKS_K8S = /(^|\n)\s*["']?(apiVersion|kind)["']?\s*:/

export interface ParseOptions {
  /**
   * The file was named explicitly: every syntax error counts. Otherwise a
   * broken document is reported only when it looks like Kubernetes (a broken
   * tsconfig.json found while walking a directory is not ours to judge).
   */
  explicit?: boolean
}

/**
 * Parses a (multi-document) YAML or JSON manifest file. A document that fails
 * to parse becomes a problem and the other documents are still returned;
 * YAML that is not a Kubernetes object is skipped quietly.
 */
export function parseManifestFile(text: string, path: string, options: ParseOptions = {}): ManifestFile {
  const result: ManifestFile = { path, objects: [], problems: [], notices: [], looksLikeKubernetes: false }
  const lines = new LineCounter()
  // YAML 1.1 booleans (yes/on) and merge keys, as kubectl's decoder reads them.
  const docs = parseAllDocuments(text, { lineCounter: lines, version: '1.1', uniqueKeys: false, prettyErrors: false })
  if ('empty' in docs && docs.empty) {
    result.looksLikeKubernetes = docs.errors.length > 0 && (options.explicit === true || LOOKS_K8S.test(text))
    if (result.looksLikeKubernetes) for (const e of docs.errors) result.problems.push({ line: lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? 'invalid YAML' })
    return result
  }
  for (const doc of docs) {
    const start = doc.range?.[0] ?? 0
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!
      const snippet = text.slice(start, doc.range?.[2] ?? text.length)
      // A broken document that does not even look like Kubernetes is not ours to judge.
      if (options.explicit || LOOKS_K8S.test(snippet) || text.includes('{{')) {
        result.looksLikeKubernetes = true
        const templated = snippet.includes('{{') ? ' (unrendered Helm/Go template? lint the output of `helm template` instead)' : ''
        result.problems.push({ line: lines.linePos(e.pos[0]).line, message: `${e.message.split('\n')[0] ?? 'invalid YAML'}${templated}` })
      }
      continue
    }
    const converter = new Converter(doc, lines)
    let value: unknown
    try {
      value = converter.convert(doc.contents)
    } catch (error) {
      result.looksLikeKubernetes = true
      result.problems.push({ line: lines.linePos(start).line, message: error instanceof Error ? error.message : String(error) })
      continue
    }
    const helmSource = helmSourceOf(doc.commentBefore) ?? helmSourceOf((doc.contents as { commentBefore?: string | null } | null)?.commentBefore)
    const before = result.objects.length
    collectObjects(value, path, helmSource, result)
    if (result.objects.length > before || result.problems.length > 0) {
      for (const d of converter.duplicateKeys) {
        result.notices.push(`${path}:${d.line}: duplicate key "${d.key}"; the last value is used, as kubectl does`)
      }
    }
  }
  return result
}

function collectObjects(value: unknown, path: string, helmSource: string | undefined, out: ManifestFile): void {
  if (!isObj(value)) return
  const kind = str(value.kind)
  const apiVersion = str(value.apiVersion)
  if (!kind || !apiVersion) return // not a Kubernetes object: skip quietly
  out.looksLikeKubernetes = true
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(value.items))) {
    if (!Array.isArray(value.items)) {
      out.problems.push({ line: lineOf(value, 'kind'), message: `${kind} has no "items" list` })
      return
    }
    for (const item of value.items) collectObjects(item, path, helmSource, out)
    return
  }
  // A wrong-typed metadata or spec would otherwise read as "absent" and pass rules it should fail.
  for (const key of ['metadata', 'spec'] as const) {
    const v = value[key]
    if (v !== undefined && v !== null && !isObj(v)) {
      out.problems.push({ line: lineOf(value, key), message: `${kind} ${key} is ${Array.isArray(v) ? 'a list' : `a ${typeof v}`}, expected a mapping` })
      return
    }
  }
  const metadata = obj(value.metadata) ?? {}
  out.objects.push({
    path,
    apiVersion,
    kind,
    name: str(metadata.name) ?? str(metadata.generateName) ?? '(unnamed)',
    namespace: str(metadata.namespace) || undefined,
    raw: value,
    metadata,
    line: isObj(value.metadata) ? lineOf(value, 'metadata') : lineOf(value, 'kind'),
    ...(helmSource && { helmSource })
  })
}
