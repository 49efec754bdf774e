/** Narrowing helpers for untyped trees (libpg-query JSON, YAML, JSON, HCL). */
export type Obj = Record<string, unknown>

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return undefined
}

/** Walks `path` through nested objects (numbers index arrays). */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined
    else current = isObj(current) ? current[key] : undefined
  }
  return current
}

/** Booleans as written in YAML/JSON/HCL/CloudFormation ("true", true). */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'True') return true
  if (value === 'false' || value === 'False') return false
  return undefined
}
