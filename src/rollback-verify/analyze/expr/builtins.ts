import type { Interpreter } from './evaluate.js'
import { ExpressionError } from './lexer.js'
import type { Node } from './parser.js'
import { isPlainObject, typeName, type Value } from './values.js'

type Eager = (args: Value[], interpreter: Interpreter) => Value

/**
 * The callable surface: Argo's env helpers (asInt, asFloat, isNaN, isInf, isNil, default)
 * plus the expr builtins conditions use in practice. Only these names can be called.
 */
const EAGER: Record<string, Eager> = {
  len: ([value]) => {
    if (Array.isArray(value) || typeof value === 'string') return value.length
    if (isPlainObject(value)) return Object.keys(value).length
    throw new ExpressionError(`invalid argument for len (type ${typeName(value ?? null)})`)
  },
  asInt: ([value]) => asInt(value ?? null),
  asFloat: ([value]) => asFloat(value ?? null),
  int: ([value]) => asInt(value ?? null),
  float: ([value]) => asFloat(value ?? null),
  isNaN: ([value]) => Number.isNaN(number('isNaN', value)),
  isInf: ([value]) => {
    const n = number('isInf', value)
    return n === Infinity || n === -Infinity
  },
  // Argo binds isNil/default to the measurement, whatever argument is written.
  isNil: (_args, interpreter) => interpreter.scope.result === null,
  default: ([, fallback], interpreter) => (interpreter.scope.result === null ? (fallback ?? null) : interpreter.scope.result),
  abs: ([value]) => Math.abs(number('abs', value)),
  ceil: ([value]) => Math.ceil(number('ceil', value)),
  floor: ([value]) => Math.floor(number('floor', value)),
  round: ([value]) => Math.round(number('round', value)),
  min: args => numbers('min', args).reduce((a, b) => Math.min(a, b)),
  max: args => numbers('max', args).reduce((a, b) => Math.max(a, b)),
  sum: ([value]) => numbers('sum', [value ?? null], true).reduce((a, b) => a + b, 0),
  mean: ([value]) => {
    const list = numbers('mean', [value ?? null], true)
    return list.length === 0 ? 0 : list.reduce((a, b) => a + b, 0) / list.length
  }
}

const ARITY: Record<string, [number, number]> = {
  len: [1, 1], asInt: [1, 1], asFloat: [1, 1], int: [1, 1], float: [1, 1], isNaN: [1, 1], isInf: [1, 1],
  isNil: [1, 1], default: [2, 2], abs: [1, 1], ceil: [1, 1], floor: [1, 1], round: [1, 1],
  min: [1, 64], max: [1, 64], sum: [1, 1], mean: [1, 1]
}

export const PREDICATES = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count'])

/** Every callable name and its argument count range, for checks at parse time. */
export function builtinArity(name: string): [number, number] | undefined {
  if (PREDICATES.has(name)) return [2, 2]
  return Object.hasOwn(ARITY, name) ? ARITY[name] : undefined
}

export function callBuiltin(name: string, argNodes: Node[], interpreter: Interpreter): Value {
  if (PREDICATES.has(name)) return callPredicate(name, argNodes, interpreter)
  const fn = Object.hasOwn(EAGER, name) ? EAGER[name] : undefined
  const arity = Object.hasOwn(ARITY, name) ? ARITY[name] : undefined
  if (!fn || !arity) throw new ExpressionError(`unknown function "${name}"`)
  if (argNodes.length < arity[0] || argNodes.length > arity[1]) {
    throw new ExpressionError(`${name}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}-${arity[1]}`} argument(s), got ${argNodes.length}`)
  }
  // Arguments are evaluated first, as in expr: `isNil(result[0])` on an empty vector is still an error.
  const args = argNodes.map(node => interpreter.evaluate(node))
  return fn(args, interpreter)
}

function callPredicate(name: string, argNodes: Node[], interpreter: Interpreter): Value {
  if (argNodes.length !== 2) throw new ExpressionError(`${name}() takes 2 arguments (array, predicate), got ${argNodes.length}`)
  const list = interpreter.evaluate(argNodes[0]!)
  if (!Array.isArray(list)) throw new ExpressionError(`${name}() needs an array, got ${typeName(list)}`)
  const predicate = argNodes[1]!
  const body = predicate.type === 'closure' ? predicate.body : predicate
  const test = (item: Value): boolean => {
    const outcome = interpreter.withElement(item, body)
    if (typeof outcome !== 'boolean') throw new ExpressionError(`predicate of ${name}() must return bool, got ${typeName(outcome)}`)
    return outcome
  }
  switch (name) {
    case 'all':
      return list.every(test)
    case 'any':
      return list.some(test)
    case 'none':
      return !list.some(test)
    case 'one':
      return list.filter(test).length === 1
    case 'filter':
      return list.filter(test)
    case 'count':
      return list.filter(test).length
    default:
      return list.map(item => interpreter.withElement(item, body))
  }
}

function number(name: string, value: Value | undefined): number {
  if (typeof value !== 'number') throw new ExpressionError(`${name}() needs a number, got ${typeName(value ?? null)}`)
  return value
}

function numbers(name: string, args: Value[], arrayOnly = false): number[] {
  const first = args[0]
  const list = args.length === 1 && Array.isArray(first) ? first : arrayOnly ? undefined : args
  if (!list) throw new ExpressionError(`${name}() needs an array, got ${typeName(first ?? null)}`)
  if (list.length === 0 && !arrayOnly) throw new ExpressionError(`${name}() of an empty array`)
  return list.map(item => number(name, item))
}

/** Argo's asInt: numbers truncate, strings must be base-10 integers, anything else is an error. */
function asInt(value: Value): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExpressionError(`asInt() of ${value}`)
    return Math.trunc(value)
  }
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return Number.parseInt(value, 10)
  throw new ExpressionError(`asInt() not supported on ${typeName(value)} ${JSON.stringify(value)}`)
}

/** Argo's asFloat: like Go's strconv.ParseFloat for the decimal forms and NaN/Inf spellings. */
function asFloat(value: Value): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    const parsed = parseFloatStrict(value)
    if (parsed !== undefined) return parsed
  }
  throw new ExpressionError(`asFloat() not supported on ${typeName(value)} ${JSON.stringify(value)}`)
}

export function parseFloatStrict(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text)
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN
    return special[1] === '-' ? -Infinity : Infinity
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined
  return Number(text)
}
