import { ExpressionError } from './lexer.js'

/** Every value the language can see: JSON-shaped data only (no functions, no prototypes of interest). */
export type Value = number | string | boolean | null | Value[] | { [key: string]: Value }

/** Names that would reach JavaScript internals if they were ever looked up. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'])

export function isPlainObject(value: unknown): value is { [key: string]: Value } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Reads an own data property of a plain object; anything else is an error, never a prototype walk. */
export function readKey(object: Value, key: string): Value {
  if (FORBIDDEN_KEYS.has(key)) throw new ExpressionError(`access to "${key}" is not allowed`)
  if (!isPlainObject(object)) throw new ExpressionError(`cannot read field "${key}" of ${typeName(object)}`)
  if (!Object.hasOwn(object, key)) return null
  const descriptor = Object.getOwnPropertyDescriptor(object, key)
  if (!descriptor || !('value' in descriptor)) return null
  return toValue(descriptor.value)
}

/** Converts provider data (parsed JSON, numbers) into a Value; rejects anything else. */
export function toValue(input: unknown): Value {
  if (input === null || input === undefined) return null
  if (typeof input === 'number' || typeof input === 'string' || typeof input === 'boolean') return input
  if (Array.isArray(input)) return input as Value[]
  if (isPlainObject(input)) return input
  throw new ExpressionError(`unsupported value of type ${typeof input}`)
}

export function typeName(value: Value): string {
  if (value === null) return 'nil'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'object') return 'map'
  return typeof value
}

export function deepEqual(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => deepEqual(item, b[i] ?? null))
  }
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(key => Object.hasOwn(b, key) && deepEqual(readKey(a, key), readKey(b, key)))
}

/** Short rendering for messages and reports (arrays are cut after a few items). */
export function formatValue(value: Value, maxItems = 5): string {
  if (typeof value === 'number') return formatNumber(value)
  if (Array.isArray(value)) {
    const shown = value.slice(0, maxItems).map(item => formatValue(item, maxItems))
    return `[${shown.join(', ')}${value.length > maxItems ? `, … (${value.length} items)` : ''}]`
  }
  if (value === null) return 'nil'
  const text = JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}
