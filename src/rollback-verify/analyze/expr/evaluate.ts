import { builtinArity, callBuiltin, PREDICATES } from './builtins.js'
import { ExpressionError } from './lexer.js'
import { parseExpression, type BinaryOp, type Node } from './parser.js'
import { deepEqual, isPlainObject, readKey, toValue, typeName, type Value } from './values.js'

/** Upper bound on evaluation steps, so nested predicates over big vectors cannot spin. */
export const MAX_STEPS = 200_000

export interface Scope {
  /** The measurement value (`result`); Argo's isNil/default look at it, not at their argument. */
  result: Value
}

/** Interpreter state handed to builtins (predicates need to evaluate their body per element). */
export interface Interpreter {
  readonly scope: Scope
  evaluate(node: Node): Value
  withElement(element: Value, body: Node): Value
}

/** A parsed condition, reusable for every measurement. */
export class Condition {
  private constructor(
    readonly source: string,
    private readonly ast: Node
  ) {}

  /** Throws ExpressionError on syntax errors, over-long or over-nested expressions. */
  static parse(source: string): Condition {
    const trimmed = source.trim()
    if (!trimmed) throw new ExpressionError('condition is empty')
    const ast = parseExpression(trimmed)
    checkNames(ast, false)
    return new Condition(trimmed, ast)
  }

  /** Argo's EvalCondition: the expression must produce a boolean, anything else is an error. */
  evaluate(result: unknown): boolean {
    const output = evaluateNode(this.ast, { result: toValue(result) })
    if (typeof output !== 'boolean') throw new ExpressionError(`expected bool, but got ${typeName(output)}`)
    return output
  }
}

/**
 * Static checks expr-lang's compiler would make: unknown names, unknown functions, wrong
 * argument counts and a stray `#` are configuration mistakes, reported before any measurement.
 */
function checkNames(node: Node, inPredicate: boolean): void {
  switch (node.type) {
    case 'ident':
      if (node.name !== 'result') throw new ExpressionError(`unknown name "${node.name}" (only "result" is defined)`)
      return
    case 'element':
      if (!inPredicate) throw new ExpressionError('"#" is only allowed inside a predicate')
      return
    case 'literal':
      return
    case 'array':
      node.items.forEach(item => checkNames(item, inPredicate))
      return
    case 'closure':
      throw new ExpressionError('a predicate {…} is only allowed as an argument of all/any/none/one/filter/map/count')
    case 'unary':
      checkNames(node.operand, inPredicate)
      return
    case 'binary':
      checkNames(node.left, inPredicate)
      checkNames(node.right, inPredicate)
      return
    case 'conditional':
      ;[node.test, node.then, node.otherwise].forEach(part => checkNames(part, inPredicate))
      return
    case 'member':
      checkNames(node.object, inPredicate)
      return
    case 'index':
      checkNames(node.object, inPredicate)
      checkNames(node.index, inPredicate)
      return
    case 'call': {
      const arity = builtinArity(node.callee)
      if (!arity) throw new ExpressionError(`unknown function "${node.callee}"`)
      if (node.args.length < arity[0] || node.args.length > arity[1]) {
        throw new ExpressionError(`${node.callee}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}-${arity[1]}`} argument(s), got ${node.args.length}`)
      }
      node.args.forEach((arg, i) => {
        const predicate = PREDICATES.has(node.callee) && i === 1
        checkNames(predicate && arg.type === 'closure' ? arg.body : arg, inPredicate || predicate)
      })
      return
    }
  }
}

export function evaluateNode(node: Node, scope: Scope): Value {
  return new Evaluator(scope).evaluate(node)
}

class Evaluator implements Interpreter {
  private steps = 0
  private readonly elements: Value[] = []

  constructor(readonly scope: Scope) {}

  withElement(element: Value, body: Node): Value {
    this.elements.push(element)
    try {
      return this.evaluate(body)
    } finally {
      this.elements.pop()
    }
  }

  evaluate(node: Node): Value {
    if (++this.steps > MAX_STEPS) throw new ExpressionError(`evaluation exceeded ${MAX_STEPS} steps`)
    switch (node.type) {
      case 'literal':
        return node.value
      case 'ident':
        if (node.name === 'result') return this.scope.result
        throw new ExpressionError(`unknown name "${node.name}"`)
      case 'element': {
        if (this.elements.length === 0) throw new ExpressionError('"#" is only allowed inside a predicate')
        return this.elements[this.elements.length - 1]!
      }
      case 'array':
        return node.items.map(item => this.evaluate(item))
      case 'closure':
        throw new ExpressionError('a predicate {…} is only allowed as an argument of all/any/none/one/filter/map/count')
      case 'unary':
        return this.unary(node.op, this.evaluate(node.operand))
      case 'binary':
        return this.binary(node.op, node.left, node.right)
      case 'conditional': {
        const test = this.evaluate(node.test)
        if (typeof test !== 'boolean') throw new ExpressionError(`non-bool condition in ternary (${typeName(test)})`)
        return this.evaluate(test ? node.then : node.otherwise)
      }
      case 'member': {
        const object = this.evaluate(node.object)
        if (object === null && node.optional) return null
        return readKey(object, node.property)
      }
      case 'index':
        return this.index(node.object, node.index, node.optional)
      case 'call':
        return callBuiltin(node.callee, node.args, this)
    }
  }

  private index(objectNode: Node, indexNode: Node, optional: boolean): Value {
    const object = this.evaluate(objectNode)
    if (object === null && optional) return null
    const index = this.evaluate(indexNode)
    if (Array.isArray(object)) {
      if (typeof index !== 'number' || !Number.isInteger(index)) throw new ExpressionError(`array index must be an integer, got ${typeName(index)}`)
      const position = index < 0 ? object.length + index : index
      if (position < 0 || position >= object.length) {
        throw new ExpressionError(`index out of range: ${index} (array length ${object.length})`)
      }
      return toValue(object[position])
    }
    if (isPlainObject(object) && typeof index === 'string') return readKey(object, index)
    throw new ExpressionError(`cannot index ${typeName(object)} with ${typeName(index)}`)
  }

  private unary(op: '!' | '-' | '+', value: Value): Value {
    if (op === '!') {
      if (typeof value !== 'boolean') throw new ExpressionError(`invalid operation: ! on ${typeName(value)}`)
      return !value
    }
    if (typeof value !== 'number') throw new ExpressionError(`invalid operation: ${op} on ${typeName(value)}`)
    return op === '-' ? -value : value
  }

  private binary(op: BinaryOp, leftNode: Node, rightNode: Node): Value {
    // Logical operators short-circuit: `len(result) > 0 && result[0] < 5` must not index an empty vector.
    if (op === '&&' || op === '||') {
      const left = requireBool(op, this.evaluate(leftNode))
      if (op === '&&' ? !left : left) return left
      return requireBool(op, this.evaluate(rightNode))
    }
    if (op === '??') {
      const left = this.evaluate(leftNode)
      return left !== null ? left : this.evaluate(rightNode)
    }
    const left = this.evaluate(leftNode)
    const right = this.evaluate(rightNode)
    switch (op) {
      case '==':
        return deepEqual(left, right)
      case '!=':
        return !deepEqual(left, right)
      case '<':
      case '<=':
      case '>':
      case '>=':
        return compare(op, left, right)
      case 'in':
        return contains(right, left)
      case 'not in':
        return !contains(right, left)
      case '+':
        if (typeof left === 'number' && typeof right === 'number') return left + right
        if (typeof left === 'string' && typeof right === 'string') return left + right
        if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right]
        throw mismatch(op, left, right)
      default:
        return arithmetic(op, left, right)
    }
  }
}

function requireBool(op: string, value: Value): boolean {
  if (typeof value !== 'boolean') throw new ExpressionError(`invalid operation: ${op} on ${typeName(value)} (expected bool)`)
  return value
}

function compare(op: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string')
  if (!comparable) throw mismatch(op, left, right)
  const a = left as number | string
  const b = right as number | string
  switch (op) {
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}

function arithmetic(op: BinaryOp, left: Value, right: Value): number {
  if (typeof left !== 'number' || typeof right !== 'number') throw mismatch(op, left, right)
  switch (op) {
    case '-':
      return left - right
    case '*':
      return left * right
    case '/':
      return left / right
    case '**':
      return left ** right
    case '%':
      if (!Number.isInteger(left) || !Number.isInteger(right)) throw new ExpressionError('invalid operation: % needs integers')
      if (right === 0) throw new ExpressionError('integer divide by zero')
      return left % right
    default:
      throw new ExpressionError(`unknown operator ${op}`)
  }
}

function contains(container: Value, item: Value): boolean {
  if (Array.isArray(container)) return container.some(element => deepEqual(element, item))
  if (isPlainObject(container)) {
    if (typeof item !== 'string') throw new ExpressionError(`cannot look up ${typeName(item)} in a map`)
    return readKey(container, item) !== null || Object.hasOwn(container, item)
  }
  throw new ExpressionError(`invalid operation: in on ${typeName(container)}`)
}

function mismatch(op: string, left: Value, right: Value): ExpressionError {
  return new ExpressionError(`invalid operation: ${typeName(left)} ${op} ${typeName(right)}`)
}
