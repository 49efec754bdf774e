/**
 * Tokenizer for the Argo-style condition language (a small subset of expr-lang).
 * Hand-written on purpose: conditions come from config files and workflow inputs,
 * so they are never handed to eval, Function or vm.
 */

export type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'punct' | 'hash' | 'eof'

export interface Token {
  kind: TokenKind
  text: string
  /** Parsed value for number/string tokens. */
  value?: number | string
  /** 0-based character offset, for error messages. */
  pos: number
}

export class ExpressionError extends Error {
  override name = 'ExpressionError'
}

export const MAX_EXPRESSION_LENGTH = 1024

// Longest first so that `**` wins over `*`, `<=` over `<`, and so on.
const OPERATORS = ['**', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '<', '>', '+', '-', '*', '/', '%', '^', '!', '?', ':', '.']
const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ','])

export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression is longer than ${MAX_EXPRESSION_LENGTH} characters`)
  }
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:\d[\d_]*)?(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/.exec(source.slice(i))
      const text = match?.[0] ?? ''
      const value = Number(text.replace(/_/g, ''))
      if (!text || !Number.isFinite(value)) throw new ExpressionError(`invalid number at position ${i}`)
      tokens.push({ kind: 'number', text, value, pos: i })
      i += text.length
      continue
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(source, i)
      tokens.push({ kind: 'string', text: source.slice(i, end), value, pos: i })
      i = end
      continue
    }
    if (/[A-Za-z_$]/.test(ch)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))![0]
      tokens.push({ kind: 'ident', text, pos: i })
      i += text.length
      continue
    }
    if (ch === '#') {
      tokens.push({ kind: 'hash', text: '#', pos: i })
      i++
      continue
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: 'punct', text: ch, pos: i })
      i++
      continue
    }
    const op = OPERATORS.find(candidate => source.startsWith(candidate, i))
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i })
      i += op.length
      continue
    }
    throw new ExpressionError(`unexpected character ${JSON.stringify(ch)} at position ${i}`)
  }
  tokens.push({ kind: 'eof', text: '', pos: source.length })
  return tokens
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" }

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start]
  let value = ''
  let i = start + 1
  while (i < source.length) {
    const ch = source[i]!
    if (ch === quote) return { value, end: i + 1 }
    if (ch === '\\') {
      const next = source[i + 1]
      const escaped = next === undefined ? undefined : ESCAPES[next]
      if (escaped === undefined) throw new ExpressionError(`unsupported escape sequence at position ${i}`)
      value += escaped
      i += 2
      continue
    }
    value += ch
    i++
  }
  throw new ExpressionError(`unterminated string starting at position ${start}`)
}
