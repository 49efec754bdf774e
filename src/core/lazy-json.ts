/**
 * Large JSON reports without their whole tree in memory. A 15 MB Trivy
 * report parsed in one JSON.parse is a ~60 MB tree that outlives several
 * young-generation collections (each copies it) and then waits in old space
 * for a full collection: the garbage collector, not the parse, is most of
 * the cost, and the process keeps several such trees at once.
 *
 * Here the bytes are walked once: the few levels that lead to the big
 * arrays of findings (the "skeleton") are parsed as usual, and the elements
 * of those arrays are only located, then parsed one at a time when a parser
 * asks for them, so each element's tree dies young. Which arrays are big is
 * known from the report formats: a top-level array, `results`,
 * `Results[].Vulnerabilities|Misconfigurations|Secrets|Licenses` and
 * `runs[].results`. Anything the walk does not expect makes it give up
 * (undefined): the caller then parses the text in one piece, which also
 * produces the precise error message.
 */
import { isAscii } from 'node:buffer'
import { randomUUID } from 'node:crypto'

/** Where a lazy array sits, so a format can say which ones its parser reads. */
export type LazyKind = 'top' | 'results' | 'trivy-findings' | 'sarif-results'

/** An element of a lazy array is not valid JSON: the caller re-reads the file in one piece for the exact position. */
export class LazyElementError extends Error {
  override name = 'LazyElementError'
}

/** Elements are parsed in runs of about this many bytes: one JSON.parse per run, small enough to die young. */
const BATCH_BYTES = 64 * 1024

/**
 * A JSON array whose elements are parsed when read: a run of neighbouring
 * elements at a time (reads are expected in order), nothing kept after.
 *
 * The element offsets may be guesses (see Walk.elementEnd), so runs are only
 * ever parsed from a boundary already proven: the start of the array or the
 * end of a run that parsed. A run that parses from a true element start can
 * only end at a true element boundary (JSON.parse sees the same bytes the
 * whole-text parse would, from the same state), and its element count must be
 * the guessed one; together that proves every guess, including where the
 * array ends. confirm() proves the runs nobody read.
 */
export class LazyList {
  private closed = false
  private batch: unknown[] = []
  private batchStart = 0
  /** Elements [0, proven) were parsed run by run from the start of the array. */
  private proven = 0
  /** First element of each run parsed so far, ascending: where a re-read may start. */
  private readonly runStarts: number[] = []

  constructor(
    readonly kind: LazyKind,
    private readonly bytes: Buffer,
    private readonly encoding: 'latin1' | 'utf8',
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array
  ) {}

  get length(): number {
    return this.starts.length
  }

  /** Element `index`, parsed with its run of neighbours unless the last run read holds it. */
  at(index: number): unknown {
    if (this.closed) throw new Error('internal error: a lazy JSON array was read after its report buffer was released')
    if (!(index >= 0 && index < this.starts.length)) return undefined
    const offset = index - this.batchStart
    if (offset < 0 || offset >= this.batch.length) this.seek(index)
    return this.batch[index - this.batchStart]
  }

  /** Parses every run not read yet; throws LazyElementError when one is not what the walk located. */
  confirm(): void {
    while (this.proven < this.starts.length) this.load(this.proven)
  }

  /** Makes the run holding `index` the current batch, proving the runs before it first. */
  private seek(index: number): void {
    if (index >= this.proven) {
      while (index >= this.proven) this.load(this.proven)
      return
    }
    // Back to a proven element: re-read the run it was proven in.
    let low = 0
    let high = this.runStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.runStarts[middle] as number) <= index) low = middle
      else high = middle - 1
    }
    this.load(this.runStarts[low] as number)
  }

  /** Parses the run starting at element `index`, which is a proven boundary. */
  private load(index: number): void {
    const from = this.starts[index] as number
    let last = index
    while (last + 1 < this.ends.length && (this.ends[last + 1] as number) - from <= BATCH_BYTES) last++
    let batch: unknown
    try {
      // The bytes between elements are commas and white space: bracketed, the run is one JSON array.
      batch = JSON.parse(`[${this.bytes.toString(this.encoding, from, this.ends[last])}]`)
    } catch {
      throw new LazyElementError(`the elements from byte ${from} are not valid JSON`)
    }
    if (!Array.isArray(batch) || batch.length !== last - index + 1) throw new LazyElementError(`the elements from byte ${from} do not parse one by one`)
    this.batch = batch
    this.batchStart = index
    if (index === this.proven) {
      this.runStarts.push(index)
      this.proven = last + 1
    }
  }

  *[Symbol.iterator](): IterableIterator<unknown> {
    for (let i = 0; i < this.starts.length; i++) yield this.at(i)
  }

  /** After this, at() throws: the bytes behind the list may be reused for the next report. */
  close(): void {
    this.closed = true
    this.batch = []
  }
}

/** A JSON array as JSON.parse gives it, or a lazy one. */
export type JsonList = readonly unknown[] | LazyList

export function isList(value: unknown): value is JsonList {
  return Array.isArray(value) || value instanceof LazyList
}

/** Element `index` of a list, lazy or not. */
export function listAt(list: JsonList, index: number): unknown {
  return list instanceof LazyList ? list.at(index) : list[index]
}

export interface LazyDocument {
  root: unknown
  lists: LazyList[]
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

/** A first key longer than this is not looked for (see Walk.nextSibling). */
const MAX_SIBLING_KEY = 64
/** How far nextSibling looks for the end of one element before walking it byte by byte. */
const MAX_SIBLING_SEARCH = 1024 * 1024
/** After this many elements in a row that nextSibling could not end, the walk stops trying. */
const MAX_SIBLING_MISSES = 64

/** What the walk does with the value under a key, depending on where it is. */
type Place = 'root' | 'trivy-result' | 'sarif-run'

function childOf(place: Place, key: string): { lazy: LazyKind } | { walk: Place } | undefined {
  if (place === 'root') {
    if (key === 'results') return { lazy: 'results' }
    if (key === 'Results') return { walk: 'trivy-result' }
    if (key === 'runs') return { walk: 'sarif-run' }
    return undefined
  }
  if (place === 'trivy-result') {
    return key === 'Vulnerabilities' || key === 'Misconfigurations' || key === 'Secrets' || key === 'Licenses' ? { lazy: 'trivy-findings' } : undefined
  }
  return key === 'results' ? { lazy: 'sarif-results' } : undefined
}

/** Thrown inside the walk when the bytes are not what it expects; caught in parseLazyJson. */
class GiveUp extends Error {}

interface PendingList {
  kind: LazyKind
  path: Array<string | number>
  start: number
  end: number
  /** Element offsets, 4 bytes each (reports are far below 4 GiB): a list of a million tiny elements stays small. */
  starts: Uint32Array
  ends: Uint32Array
  count: number
}

/**
 * Walks `bytes` (UTF-8 JSON, no BOM) and returns the document with its big
 * arrays lazy, or undefined when the bytes are not plain JSON of the
 * expected layout (the caller then parses the text whole).
 */
export function parseLazyJson(bytes: Buffer): LazyDocument | undefined {
  if (bytes.length > 0xffffffff) return undefined
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8'
  const walk = new Walk(bytes)
  try {
    walk.document()
  } catch (error) {
    if (error instanceof GiveUp) return undefined
    throw error
  }
  // The skeleton: the bytes outside the lazy arrays, each array replaced by a unique string.
  const nonce = randomUUID()
  const pieces: string[] = []
  let from = 0
  walk.pending.forEach((list, k) => {
    pieces.push(bytes.toString(encoding, from, list.start), JSON.stringify(`${nonce}:${k}`))
    from = list.end
  })
  pieces.push(bytes.toString(encoding, from, bytes.length))
  let root: unknown
  try {
    root = JSON.parse(pieces.join(''))
  } catch {
    return undefined
  }
  const lists: LazyList[] = []
  walk.pending.forEach((pending, k) => {
    const list = new LazyList(pending.kind, bytes, encoding, pending.starts.subarray(0, pending.count), pending.ends.subarray(0, pending.count))
    lists.push(list)
    if (pending.path.length === 0) {
      root = list
      return
    }
    // A later duplicate key wins in JSON.parse: only a placeholder that survived is replaced.
    const holder = holderOf(root, pending.path)
    const last = pending.path[pending.path.length - 1] as string | number
    if (holder !== undefined && Object.hasOwn(holder, last) && holder[last] === `${nonce}:${k}`) holder[last] = list
  })
  return { root, lists }
}

function grow(list: PendingList): void {
  const starts = new Uint32Array(list.starts.length * 2)
  const ends = new Uint32Array(list.ends.length * 2)
  starts.set(list.starts)
  ends.set(list.ends)
  list.starts = starts
  list.ends = ends
}

/** The object or array that holds the last step of `path`, if the parsed skeleton still has it. */
function holderOf(root: unknown, path: ReadonlyArray<string | number>): Record<string | number, unknown> | undefined {
  let at: unknown = root
  for (let s = 0; s < path.length - 1; s++) {
    if (typeof at !== 'object' || at === null) return undefined
    const step = path[s] as string | number
    at = Object.hasOwn(at, step) ? (at as Record<string | number, unknown>)[step] : undefined
  }
  return typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>) : undefined
}

class Walk {
  readonly pending: PendingList[] = []
  private readonly n: number
  private readonly cursor: BackslashCursor = { next: -1 }
  /** Whether elements are still looked for by their closing lines (see closingLine). */
  private closingLines = true
  /** Whether elements are still looked for by their next sibling's first key (see nextSibling). */
  private siblingKeys = true
  /** Elements in a row that nextSibling could not end. */
  private siblingMisses = 0

  constructor(private readonly b: Buffer) {
    this.n = b.length
  }

  document(): void {
    let i = this.ws(0)
    const c = this.b[i]
    if (c === OPEN_ARRAY) i = this.lazyArray(i, [], 'top')
    else if (c === OPEN_OBJECT) i = this.object(i, [], 'root')
    else throw new GiveUp()
    if (this.ws(i) !== this.n) throw new GiveUp()
  }

  private ws(i: number): number {
    const b = this.b
    const n = this.n
    while (i < n) {
      const c = b[i]
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i
      i++
    }
    return i
  }

  private object(i: number, path: Array<string | number>, place: Place): number {
    const b = this.b
    i = this.ws(i + 1)
    if (b[i] === CLOSE_OBJECT) return i + 1
    for (;;) {
      if (b[i] !== QUOTE) throw new GiveUp()
      const keyEnd = this.string(i)
      const key = this.key(i, keyEnd)
      i = this.ws(keyEnd)
      if (b[i] !== COLON) throw new GiveUp()
      i = this.ws(i + 1)
      const child = b[i] === OPEN_ARRAY ? childOf(place, key) : undefined
      if (child === undefined) i = this.value(i)
      else if ('lazy' in child) i = this.lazyArray(i, [...path, key], child.lazy)
      else i = this.array(i, [...path, key], child.walk)
      i = this.ws(i)
      if (b[i] === COMMA) {
        i = this.ws(i + 1)
        continue
      }
      if (b[i] === CLOSE_OBJECT) return i + 1
      throw new GiveUp()
    }
  }

  /** An array walked element by element (objects are walked as `place`, anything else skipped). */
  private array(i: number, path: Array<string | number>, place: Place): number {
    const b = this.b
    i = this.ws(i + 1)
    if (b[i] === CLOSE_ARRAY) return i + 1
    for (let index = 0; ; index++) {
      i = b[i] === OPEN_OBJECT ? this.object(i, [...path, index], place) : this.value(i)
      i = this.ws(i)
      if (b[i] === COMMA) {
        i = this.ws(i + 1)
        continue
      }
      if (b[i] === CLOSE_ARRAY) return i + 1
      throw new GiveUp()
    }
  }

  private lazyArray(i: number, path: Array<string | number>, kind: LazyKind): number {
    const b = this.b
    const list: PendingList = { kind, path, start: i, end: i, starts: new Uint32Array(64), ends: new Uint32Array(64), count: 0 }
    i = this.ws(i + 1)
    if (b[i] !== CLOSE_ARRAY) {
      for (;;) {
        const end = this.elementEnd(i)
        if (list.count === list.starts.length) grow(list)
        list.starts[list.count] = i
        list.ends[list.count++] = end
        i = this.ws(end)
        if (b[i] === COMMA) {
          i = this.ws(i + 1)
          continue
        }
        if (b[i] === CLOSE_ARRAY) break
        throw new GiveUp()
      }
    }
    list.end = i + 1
    this.pending.push(list)
    return i + 1
  }

  /**
   * End of an element of a findings array, found without walking its bytes
   * where the layout allows (see closingLine and nextSibling). Both are
   * guesses about nesting; LazyList proves them when it parses the elements.
   */
  private elementEnd(i: number): number {
    const b = this.b
    if (b[i] === OPEN_OBJECT) {
      const next = b[i + 1]
      if ((next === 0x0a || next === 0x0d) && this.closingLines) return this.closingLine(i)
      if (next === QUOTE && this.siblingKeys) return this.nextSibling(i)
    }
    return this.value(i)
  }

  /**
   * Pretty-printed reports (Trivy, gitleaks, most SARIF writers) close each
   * element on a line of its own at the indentation it opened at, and a raw
   * newline never occurs inside a JSON string: native searches for "}" on
   * such a line replace walking the element's bytes.
   */
  private closingLine(i: number): number {
    const b = this.b
    let lineStart = i
    while (lineStart > 0 && (b[lineStart - 1] === 0x20 || b[lineStart - 1] === 0x09)) lineStart--
    if (lineStart === 0 || b[lineStart - 1] !== 0x0a) return this.value(i)
    const width = i - lineStart
    // Each "}" found natively (memchr: ~8 per Trivy finding), kept when its line is the opening line's indentation.
    for (let at = b.indexOf(CLOSE_OBJECT, i + 2); at > 0; at = b.indexOf(CLOSE_OBJECT, at + 1)) {
      const from = at - width
      if (from >= 1 && b[from - 1] === 0x0a && sameBytes(b, from, lineStart, width)) return at + 1
    }
    // No closing line anywhere after it: this writer does not close elements that way. Searching again for
    // each element would cost the rest of the file every time, so the walk goes byte by byte from here on.
    this.closingLines = false
    return this.value(i)
  }

  /**
   * One-line reports (Semgrep, any compact writer): elements written by one
   * serializer start with the same key, so an element ends where `},{"key":`
   * follows — found through native searches for "}". That sequence is always
   * structure: inside a string a quote is escaped, so `{"` cannot occur
   * there. A "}" followed by "]" may be the end of the array (or of an array
   * nested in the element): that element is walked byte by byte.
   */
  private nextSibling(i: number): number {
    const b = this.b
    const keyEnd = b.indexOf(QUOTE, i + 2)
    if (keyEnd < 0 || b[keyEnd + 1] !== COLON || keyEnd - i > MAX_SIBLING_KEY) return this.missedSibling(i)
    // A key with an escape could end at an escaped quote: not worth telling apart.
    for (let k = i + 2; k < keyEnd; k++) if (b[k] === BACKSLASH) return this.missedSibling(i)
    // The bytes to find after "},{": the element's own first key, its quotes and the colon.
    const keyFrom = i + 1
    const keyLength = keyEnd + 2 - keyFrom
    const limit = i + MAX_SIBLING_SEARCH
    for (let at = b.indexOf(CLOSE_OBJECT, i + 1); at > 0 && at < limit; at = b.indexOf(CLOSE_OBJECT, at + 1)) {
      const after = b[at + 1]
      if (after === CLOSE_ARRAY) break
      // "}" then "}" closes a nested object, "}" then a key continues the enclosing one (or the "}" is text).
      if (after !== COMMA || b[at + 2] === QUOTE) continue
      // The first "}," before anything else decides: only `},{"key":` with this element's own first key ends
      // it. Another key may be the next element (a writer omitting a first field) or an array nested in this
      // one, another value the next element of a mixed array: this element is walked byte by byte.
      if (b[at + 2] !== OPEN_OBJECT || !sameBytes(b, at + 3, keyFrom, keyLength)) break
      this.siblingMisses = 0
      return at + 1
    }
    return this.missedSibling(i)
  }

  /** nextSibling could not tell: this element is walked byte by byte, and after many such, every element is. */
  private missedSibling(i: number): number {
    if (++this.siblingMisses > MAX_SIBLING_MISSES) this.siblingKeys = false
    return this.value(i)
  }

  /** A key's text: plain keys decoded directly, escaped ones through JSON.parse. */
  private key(start: number, end: number): string {
    const b = this.b
    for (let j = start + 1; j < end - 1; j++) {
      const c = b[j] as number
      if (c === BACKSLASH || c >= 0x80) return JSON.parse(b.toString('utf8', start, end)) as string
    }
    return b.toString('latin1', start + 1, end - 1)
  }

  /** End of the value starting at i. Only its extent is found here; JSON.parse judges the content later. */
  private value(i: number): number {
    const b = this.b
    const n = this.n
    const c = b[i]
    if (c === QUOTE) return this.string(i)
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const end = skipContainer(b, i, n, this.cursor)
      if (end < 0) throw new GiveUp()
      return end
    }
    // number, true, false, null (or garbage, which JSON.parse rejects later)
    const start = i
    while (i < n) {
      const d = b[i] as number
      if (d === COMMA || d === CLOSE_ARRAY || d === CLOSE_OBJECT || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break
      i++
    }
    if (i === start) throw new GiveUp()
    return i
  }

  /** End (after the closing quote) of the string whose opening quote is at i. */
  private string(i: number): number {
    const end = skipString(this.b, i, this.n, this.cursor)
    if (end < 0) throw new GiveUp()
    return end
  }
}

/** Whether the `length` bytes at `a` equal those at `b` (short runs: an indentation, a key). */
function sameBytes(bytes: Buffer, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false
  return true
}

/** Where the next backslash is, found once and reused while the walk moves forward (an indexOf per string would be quadratic). */
interface BackslashCursor {
  next: number
}

/**
 * End of the object or array opening at i (-1 when the input ends first).
 * The hot loop of the walk: every byte of every finding passes here once.
 */
function skipContainer(b: Buffer, i: number, n: number, cursor: BackslashCursor): number {
  let depth = 0
  while (i < n) {
    const c = b[i]
    if (c === QUOTE) {
      i = skipString(b, i, n, cursor)
      if (i < 0) return -1
      continue
    }
    i++
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return i
  }
  return -1
}

/** End (after the closing quote) of the string opening at i, or -1. */
function skipString(b: Buffer, i: number, n: number, cursor: BackslashCursor): number {
  i++
  // Short strings (keys, ids) end within a few bytes: a plain loop beats a native call.
  const stop = i + 16 < n ? i + 16 : n
  while (i < stop) {
    const c = b[i++]
    if (c === QUOTE) return i
    if (c === BACKSLASH) return skipEscaped(b, i + 1, n)
  }
  // Long strings (descriptions, messages): jump to the next quote natively,
  // unless a backslash comes first (then walk byte by byte from there).
  const quote = b.indexOf(QUOTE, i)
  if (quote < 0) return -1
  if (cursor.next < i) {
    cursor.next = b.indexOf(BACKSLASH, i)
    if (cursor.next < 0) cursor.next = n
  }
  if (cursor.next < quote) return skipEscaped(b, cursor.next + 2, n)
  return quote + 1
}

/** Rest of a string after an escape pair, walked byte by byte; -1 when the input ends first. */
function skipEscaped(b: Buffer, i: number, n: number): number {
  while (i < n) {
    const c = b[i++]
    if (c === QUOTE) return i
    if (c === BACKSLASH) i++
  }
  return -1
}
