import { loadModule, parseSync } from 'libpg-query'
import { errorMessage } from '../../core/errors.js'
import { arr, isObj, num, obj, type Obj } from '../common/node.js'

/** One top-level statement of a migration section. */
export interface SqlStatement {
  index: number
  /** Node type, e.g. AlterTableStmt. */
  kind: string
  node: Obj
  /** 1-based line in the migration file of the statement's first token. */
  line: number
  /** The statement's source text, trimmed (fingerprint identity, messages). */
  text: string
}

export type ParseOutcome =
  | { ok: true; statements: SqlStatement[] }
  | { ok: false; message: string; line: number }

let ready: Promise<void> | undefined

/** Loads the WASM parser once; every parse call awaits it. */
export function ensureParser(): Promise<void> {
  ready ??= loadModule()
  return ready
}

/** Skips white space and SQL comments (`--`, nested block comments) from byte offset `i`. */
function skipTrivia(bytes: Buffer, i: number): number {
  while (i < bytes.length) {
    const c = bytes[i]
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
      i++
    } else if (c === 0x2d && bytes[i + 1] === 0x2d) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++
    } else if (c === 0x2f && bytes[i + 1] === 0x2a) {
      let depth = 0
      while (i < bytes.length) {
        if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
          depth++
          i += 2
        } else if (bytes[i] === 0x2a && bytes[i + 1] === 0x2f) {
          depth--
          i += 2
          if (depth === 0) break
        } else i++
      }
    } else break
  }
  return i
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 0
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

/**
 * Parses one migration section with the PostgreSQL 18 grammar. Locations are
 * byte offsets, so lines are counted over the UTF-8 bytes; `startLine` is
 * where the section begins in its file.
 */
export async function parseSection(sql: string, startLine: number): Promise<ParseOutcome> {
  await ensureParser()
  const bytes = Buffer.from(sql, 'utf8')
  let tree: unknown
  try {
    tree = parseSync(sql)
  } catch (error) {
    const cursor = num(obj(obj(error)?.sqlDetails)?.cursorPosition)
    const line = cursor !== undefined ? startLine + lineAt(bytes, Buffer.byteLength(sql.slice(0, Math.max(0, cursor - 1)))) : startLine
    return { ok: false, message: errorMessage(error), line }
  }
  const statements: SqlStatement[] = []
  for (const raw of arr(obj(tree)?.stmts)) {
    const entry = obj(raw)
    const wrapper = obj(entry?.stmt)
    if (!entry || !wrapper) continue
    const kind = Object.keys(wrapper)[0] ?? 'Unknown'
    const node = wrapper[kind]
    const location = num(entry.stmt_location) ?? 0
    const length = num(entry.stmt_len) ?? bytes.length - location
    const start = skipTrivia(bytes, location)
    statements.push({
      index: statements.length,
      kind,
      node: isObj(node) ? node : {},
      line: startLine + lineAt(bytes, start),
      text: bytes.subarray(start, location + length).toString('utf8').trim()
    })
  }
  return { ok: true, statements }
}
