import { bool, isObj } from '../common/node.js'

/**
 * The expected type of the values the rules read. A string where a mapping
 * belongs would otherwise read as "absent" and the object would pass
 * unchecked, so every such value is a fault the caller reports.
 */
export type Shape = { type: 'map'; fields: Readonly<Record<string, Shape>> } | { type: 'list'; items?: Shape } | { type: 'scalar' } | { type: 'flag' }

export const map = (fields: Record<string, Shape> = {}): Shape => ({ type: 'map', fields })
export const list = (items?: Shape): Shape => (items ? { type: 'list', items } : { type: 'list' })
export const scalar: Shape = { type: 'scalar' }
/** A boolean as the tools accept it: true/false, or the strings "true"/"false" (see `bool`). */
export const flag: Shape = { type: 'flag' }

export interface ShapeFault {
  /** Path of the faulty value (its key's line is reported). */
  at: Array<string | number>
  message: string
}

export interface ShapeOptions {
  /** CloudFormation spells the ECS API's camelCase keys in PascalCase. */
  pascalCase?: boolean
  /** CloudFormation: `{ "Fn::If": … }` / `{ Ref: … }` and tagged values (`!If […]`) stand for any type. */
  isIntrinsic?: (value: unknown, at: Array<string | number>) => boolean
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (isObj(value)) return 'a mapping'
  if (typeof value === 'string') return 'a string'
  return `a ${typeof value}`
}

/** `spec.template.spec.containers[0]` */
export function dotted(at: Array<string | number>): string {
  return at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('')
}

const WANTED = { map: 'a mapping', list: 'a list', scalar: 'a single value', flag: 'true or false' } as const

function fits(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'map':
      return isObj(value)
    case 'list':
      return Array.isArray(value)
    case 'scalar':
      return !isObj(value) && !Array.isArray(value)
    case 'flag':
      return bool(value) !== undefined
  }
}

/** CloudFormation intrinsic written in JSON form: one key, `Ref` or `Fn::*`. */
export function isIntrinsicObject(value: unknown): boolean {
  if (!isObj(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'))
}

/** Type faults of `value` (at `at`) against `shape`; null and absent values are "not written" and fine. */
export function shapeFaults(value: unknown, shape: Shape, at: Array<string | number>, options: ShapeOptions = {}): ShapeFault[] {
  if (value === undefined || value === null) return []
  if (options.isIntrinsic?.(value, at)) return []
  if (!fits(value, shape)) {
    const found = typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : typeName(value)
    return [{ at, message: `${dotted(at)} must be ${WANTED[shape.type]}, found ${shape.type === 'flag' ? found : typeName(value)}` }]
  }
  const faults: ShapeFault[] = []
  if (shape.type === 'map' && isObj(value)) {
    for (const [key, inner] of Object.entries(shape.fields)) {
      const pascal = key.charAt(0).toUpperCase() + key.slice(1)
      const actual = Object.hasOwn(value, key) || !options.pascalCase ? key : pascal
      faults.push(...shapeFaults(value[actual], inner, [...at, actual], options))
    }
  }
  if (shape.type === 'list' && shape.items && Array.isArray(value)) {
    const items = shape.items
    value.forEach((item, i) => faults.push(...shapeFaults(item, items, [...at, i], options)))
  }
  return faults
}
