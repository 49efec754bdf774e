import { obj, type Obj } from '../model.js'
import type { ContainerView } from '../workload.js'

/** requests/limits of a container (empty objects when unset). */
export function resourcesOf(c: ContainerView): { requests: Obj; limits: Obj } {
  const r = obj(c.raw.resources)
  return { requests: obj(r?.requests) ?? {}, limits: obj(r?.limits) ?? {} }
}

export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}
