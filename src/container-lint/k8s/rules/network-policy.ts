import { list, obj, type K8sObject, type Obj } from '../model.js'
import { isEmptySelector } from '../lintset.js'

export function policySpec(p: K8sObject): Obj {
  return obj(p.raw.spec) ?? {}
}

/** policyTypes as Kubernetes defaults them: Ingress always, Egress when egress rules exist. */
export function policyTypes(spec: Obj): string[] {
  const explicit = list(spec.policyTypes).map(String)
  if (explicit.length > 0) return explicit
  return spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress']
}

/** Selects every pod of its namespace and denies all ingress (no ingress rules). */
export function isDefaultDeny(p: K8sObject): boolean {
  const spec = policySpec(p)
  if (!isEmptySelector(spec.podSelector)) return false
  return policyTypes(spec).includes('Ingress') && list(spec.ingress).length === 0
}
