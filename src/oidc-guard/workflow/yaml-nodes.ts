import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml'

/** Small helpers over `yaml` nodes shared by the workflow model and the rules. */

/** The string form of a scalar; undefined for maps, lists and missing nodes. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const v = node.value
  return v === null || v === undefined ? '' : String(v)
}

/** Any node as text: scalars as written, collections as JSON (so expressions inside are still searchable). */
export function nodeText(node: unknown): string {
  const s = scalarText(node)
  if (s !== undefined) return s
  if (node && typeof node === 'object' && 'toJSON' in node && typeof node.toJSON === 'function') {
    return JSON.stringify((node as { toJSON(): unknown }).toJSON())
  }
  return ''
}

export type ScalarAt = { value: string; node: Node; line: number }
// Several rules walk the same job; walk it once.
const scalarCache = new WeakMap<object, ScalarAt[]>()

/** Every scalar value (not key) under `node`, with its line. */
export function scalarsUnder(node: unknown, lineOf: (n: Node) => number): ScalarAt[] {
  const cached = node && typeof node === 'object' ? scalarCache.get(node) : undefined
  if (cached) return cached
  const out: ScalarAt[] = []
  const walk = (n: unknown): void => {
    if (isScalar(n)) {
      if (n.value !== null && n.value !== undefined) out.push({ value: String(n.value), node: n, line: lineOf(n) })
    } else if (isMap(n)) {
      for (const pair of n.items) walk(pair.value)
    } else if (isSeq(n)) {
      for (const item of n.items) walk(item)
    }
  }
  walk(node)
  if (node && typeof node === 'object') scalarCache.set(node, out)
  return out
}

/** The value under `key` of a YAML mapping node, else undefined. */
export function childOf(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined
  return node.items.find(pair => isScalar(pair.key) && pair.key.value === key)?.value
}

/**
 * The parser reports a missing closing quote where it gave up (often the end
 * of the file); the useful line is where the quote was opened.
 */
export function unterminatedQuoteLine(text: string, before: number): number | undefined {
  const lines = text.split('\n')
  for (let i = Math.min(before, lines.length) - 1; i >= 0; i--) {
    const m = /^\s*(?:-\s+)?(?:[^#'"\s][^:#]*:\s+)?(["'])(.*)$/.exec(lines[i]!)
    if (!m) continue
    const quote = m[1]!
    const rest = quote === '"' ? m[2]!.replace(/\\./g, '') : m[2]!.replace(/''/g, '')
    if (!rest.includes(quote)) return i + 1
  }
  return undefined
}

/** Past this many alias uses in the expanded document, the file is refused (alias bomb). */
export const MAX_ALIAS_EXPANSIONS = 10_000
/** Past this many nodes added by aliases, the file is refused (a few big anchors reused). */
export const MAX_ALIASED_NODES = 200_000

/** Thrown by resolveAliases when the expanded document would blow the budget; `node` is the alias that did. */
export class AliasBudgetError extends Error {
  constructor(readonly node: Node) {
    super('too many YAML aliases (alias bomb?)')
  }
}

interface Expansion {
  /** Nodes in the subtree once every alias in it is expanded. */
  nodes: number
  /** Alias uses in that expanded subtree. */
  aliases: number
}

/**
 * Workflows may reuse steps, jobs and inputs through YAML anchors (`&x` …
 * `*x`). Replaces every alias by the node it names, so rules see the reused
 * content (its lines are those of the anchor). Replaced nodes are not walked
 * again, so a self-referencing anchor cannot loop.
 *
 * Replacing shares the anchor node, so the rules would then walk the fully
 * expanded tree: nine aliases of nine aliases of … ("billion laughs") is 9^9
 * nodes from a few hundred bytes. The expanded size is measured first (each
 * node once, memoised) and a document over budget throws AliasBudgetError.
 */
export function resolveAliases(doc: Document): void {
  checkAliasBudget(doc)
  const deref = (node: unknown): unknown => {
    if (!isAlias(node)) return node
    const target = node.resolve(doc)
    return target ?? node
  }
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isAlias(pair.value)) pair.value = deref(pair.value) as typeof pair.value
        else walk(pair.value)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isAlias(item)) node.items[i] = deref(item)
        else walk(item)
      })
    } else if (isPair(node)) {
      walk(node.value)
    }
  }
  walk(doc.contents)
}

function checkAliasBudget(doc: Document): void {
  const memo = new Map<object, Expansion>()
  const inProgress = new Set<object>()
  let aliases = 0
  let aliasedNodes = 0
  // Expanded size of a subtree; an alias counts as one use plus its target's expansion.
  const size = (node: unknown): Expansion => {
    if (!node || typeof node !== 'object') return { nodes: 0, aliases: 0 }
    const known = memo.get(node)
    if (known) return known
    // A cycle is not expanded by resolveAliases either: count it as one node.
    if (inProgress.has(node)) return { nodes: 1, aliases: 0 }
    inProgress.add(node)
    let out: Expansion = { nodes: 1, aliases: 0 }
    if (isAlias(node)) {
      const target = size(node.resolve(doc))
      out = { nodes: target.nodes, aliases: target.aliases + 1 }
    } else if (isMap(node)) {
      for (const pair of node.items) add(out, size(pair.key), size(pair.value))
    } else if (isSeq(node)) {
      for (const item of node.items) add(out, size(item))
    }
    inProgress.delete(node)
    memo.set(node, out)
    return out
  }
  // Walk the document as written; each alias met adds its whole expansion to the running totals.
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      const expanded = size(node)
      aliases += expanded.aliases
      aliasedNodes += expanded.nodes
      if (aliases > MAX_ALIAS_EXPANSIONS || aliasedNodes > MAX_ALIASED_NODES) throw new AliasBudgetError(node)
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key)
        visit(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item)
    }
  }
  visit(doc.contents)
}

function add(into: Expansion, ...parts: Expansion[]): void {
  for (const p of parts) {
    into.nodes += p.nodes
    into.aliases += p.aliases
  }
}
