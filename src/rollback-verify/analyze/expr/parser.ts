import { ExpressionError, tokenize, type Token } from './lexer.js'

/** Syntax tree of a condition. Plain data: nothing in it can be called or reached from outside. */
export type Node =
  | { type: 'literal'; value: number | string | boolean | null }
  | { type: 'ident'; name: string }
  | { type: 'element' } // `#` inside a predicate
  | { type: 'array'; items: Node[] }
  | { type: 'closure'; body: Node }
  | { type: 'unary'; op: '!' | '-' | '+'; operand: Node }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node }
  | { type: 'member'; object: Node; property: string; optional: boolean }
  | { type: 'index'; object: Node; index: Node; optional: boolean }
  | { type: 'call'; callee: string; args: Node[] }

export type BinaryOp =
  | '||' | '&&' | '??'
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in'
  | '+' | '-' | '*' | '/' | '%' | '**'

export const MAX_NESTING_DEPTH = 32

// Binding powers follow expr-lang's operator table (?? binds tighter than arithmetic there).
const INFIX: Record<string, { power: number; op: BinaryOp; right?: boolean }> = {
  '||': { power: 10, op: '||' },
  or: { power: 10, op: '||' },
  '&&': { power: 15, op: '&&' },
  and: { power: 15, op: '&&' },
  '==': { power: 20, op: '==' },
  '!=': { power: 20, op: '!=' },
  '<': { power: 20, op: '<' },
  '<=': { power: 20, op: '<=' },
  '>': { power: 20, op: '>' },
  '>=': { power: 20, op: '>=' },
  in: { power: 20, op: 'in' },
  '+': { power: 30, op: '+' },
  '-': { power: 30, op: '-' },
  '*': { power: 60, op: '*' },
  '/': { power: 60, op: '/' },
  '%': { power: 60, op: '%' },
  '**': { power: 100, op: '**', right: true },
  '^': { power: 100, op: '**', right: true },
  '??': { power: 500, op: '??' }
}
const UNARY_POWER = 90
const TERNARY_POWER = 5
const KEYWORD_OPERATORS = new Set(['and', 'or', 'in', 'not'])

export function parseExpression(source: string): Node {
  const parser = new Parser(tokenize(source))
  const node = parser.expression(0)
  parser.expectEnd()
  return node
}

class Parser {
  private index = 0
  private depth = 0

  constructor(private readonly tokens: Token[]) {}

  expression(minPower: number): Node {
    if (++this.depth > MAX_NESTING_DEPTH) throw new ExpressionError(`expression nests deeper than ${MAX_NESTING_DEPTH} levels`)
    try {
      let left = this.prefix()
      for (;;) {
        const token = this.peek()
        if (this.isTernary(token) && minPower <= TERNARY_POWER) {
          this.next()
          const then = this.expression(0)
          this.expect('op', ':')
          const otherwise = this.expression(TERNARY_POWER)
          left = { type: 'conditional', test: left, then, otherwise }
          continue
        }
        if (token.kind === 'ident' && token.text === 'not' && this.peek(1).text === 'in' && minPower < 20) {
          this.next()
          this.next()
          left = { type: 'binary', op: 'not in', left, right: this.expression(21) }
          continue
        }
        const infix = this.infixOf(token)
        if (!infix || infix.power <= minPower) break
        this.next()
        const right = this.expression(infix.right ? infix.power - 1 : infix.power)
        left = { type: 'binary', op: infix.op, left, right }
      }
      return left
    } finally {
      this.depth--
    }
  }

  expectEnd(): void {
    const token = this.peek()
    if (token.kind !== 'eof') throw this.unexpected(token)
  }

  private prefix(): Node {
    const token = this.next()
    if ((token.kind === 'op' && (token.text === '!' || token.text === '-' || token.text === '+')) || (token.kind === 'ident' && token.text === 'not')) {
      const op = token.text === 'not' ? '!' : (token.text as '!' | '-' | '+')
      return { type: 'unary', op, operand: this.expression(UNARY_POWER) }
    }
    return this.postfix(this.primary(token))
  }

  private primary(token: Token): Node {
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value ?? null }
      case 'hash':
        return { type: 'element' }
      case 'ident':
        return this.identifier(token)
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression(0)
          this.expect('punct', ')')
          return inner
        }
        if (token.text === '[') return { type: 'array', items: this.list(']') }
        if (token.text === '{') {
          const body = this.expression(0)
          this.expect('punct', '}')
          return { type: 'closure', body }
        }
        break
      case 'op':
        // `.field` inside a predicate is shorthand for `#.field`.
        if (token.text === '.' && this.peek().kind === 'ident') {
          return { type: 'member', object: { type: 'element' }, property: this.next().text, optional: false }
        }
        break
    }
    throw this.unexpected(token)
  }

  private identifier(token: Token): Node {
    if (token.text === 'true' || token.text === 'false') return { type: 'literal', value: token.text === 'true' }
    if (token.text === 'nil') return { type: 'literal', value: null }
    if (KEYWORD_OPERATORS.has(token.text)) throw this.unexpected(token)
    if (this.peek().kind === 'punct' && this.peek().text === '(') {
      this.next()
      return { type: 'call', callee: token.text, args: this.list(')') }
    }
    return { type: 'ident', name: token.text }
  }

  private postfix(start: Node): Node {
    let node = start
    for (;;) {
      const token = this.peek()
      if (token.kind === 'op' && (token.text === '.' || token.text === '?.')) {
        this.next()
        const optional = token.text === '?.'
        if (optional && this.peek().text === '[') {
          this.next()
          node = this.indexTail(node, true)
          continue
        }
        const name = this.next()
        if (name.kind !== 'ident') throw this.unexpected(name)
        node = { type: 'member', object: node, property: name.text, optional }
        continue
      }
      if (token.kind === 'punct' && token.text === '[') {
        this.next()
        node = this.indexTail(node, false)
        continue
      }
      return node
    }
  }

  private indexTail(object: Node, optional: boolean): Node {
    const index = this.expression(0)
    this.expect('punct', ']')
    return { type: 'index', object, index, optional }
  }

  private list(close: string): Node[] {
    const items: Node[] = []
    if (this.peek().text === close && this.peek().kind === 'punct') {
      this.next()
      return items
    }
    for (;;) {
      items.push(this.expression(0))
      const token = this.next()
      if (token.kind === 'punct' && token.text === close) return items
      if (!(token.kind === 'punct' && token.text === ',')) throw this.unexpected(token)
    }
  }

  private infixOf(token: Token): (typeof INFIX)[string] | undefined {
    if (token.kind === 'op' || (token.kind === 'ident' && KEYWORD_OPERATORS.has(token.text))) return INFIX[token.text]
    return undefined
  }

  private isTernary(token: Token): boolean {
    return token.kind === 'op' && token.text === '?'
  }

  private expect(kind: Token['kind'], text: string): Token {
    const token = this.next()
    if (token.kind !== kind || token.text !== text) throw this.unexpected(token, `expected "${text}"`)
    return token
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!
  }

  private next(): Token {
    const token = this.peek()
    if (this.index < this.tokens.length - 1) this.index++
    return token
  }

  private unexpected(token: Token, hint?: string): ExpressionError {
    const what = token.kind === 'eof' ? 'end of expression' : `"${token.text}"`
    return new ExpressionError(`unexpected ${what} at position ${token.pos}${hint ? ` (${hint})` : ''}`)
  }
}
