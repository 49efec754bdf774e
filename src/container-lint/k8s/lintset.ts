import { isObj, list, obj, str, type K8sObject, type Obj } from './model.js'
import { workloadOf } from './workload.js'

/** Namespace key: objects without metadata.namespace are grouped together ("applied to the current namespace"). */
export function namespaceKey(o: K8sObject): string {
  return o.namespace ?? ''
}

export function namespaceLabel(key: string): string {
  return key === '' ? '(no namespace set)' : key
}

/**
 * Everything linted together, indexed per namespace, so that cross-object
 * rules (NetworkPolicy coverage, Services selecting DaemonSets, ServiceAccount
 * automount) are decided over the whole lint set, never file by file.
 */
export class LintSet {
  readonly objects: K8sObject[] = []
  private readonly byKind = new Map<string, Map<string, K8sObject[]>>()

  constructor(objects: Iterable<K8sObject>) {
    for (const o of objects) this.add(o)
  }

  private add(o: K8sObject): void {
    this.objects.push(o)
    const kind = workloadOf(o)?.ok ? '#workload' : o.kind
    let perNs = this.byKind.get(kind)
    if (!perNs) this.byKind.set(kind, (perNs = new Map()))
    const key = namespaceKey(o)
    const bucket = perNs.get(key)
    if (bucket) bucket.push(o)
    else perNs.set(key, [o])
  }

  /** Objects of a kind in one namespace (kind '#workload' = every workload with a pod template). */
  inNamespace(kind: string, ns: string): K8sObject[] {
    return this.byKind.get(kind)?.get(ns) ?? []
  }

  /** Namespaces (keys) that hold objects of `kind`. */
  namespacesWith(kind: string): string[] {
    return [...(this.byKind.get(kind)?.keys() ?? [])]
  }

  private readonly selectorIndexes = new Map<string, SelectorIndex>()

  /** Is a pod with these labels selected by some NetworkPolicy of namespace `ns`? Indexed: O(labels), not O(policies). */
  networkPolicySelects(ns: string, labels: Obj): boolean {
    return this.index('NetworkPolicy', ns, p => obj(p.raw.spec)?.podSelector ?? {}).matches(labels)
  }

  /** Is a pod with these labels selected by some Service of namespace `ns`? (A Service without selector selects nothing.) */
  serviceSelects(ns: string, labels: Obj): boolean {
    return this.index('Service', ns, s => {
      const selector = obj(obj(s.raw.spec)?.selector)
      return selector && Object.keys(selector).length > 0 ? { matchLabels: selector } : undefined
    }).matches(labels)
  }

  private index(kind: string, ns: string, selectorOf: (o: K8sObject) => unknown): SelectorIndex {
    const key = `${kind}\u0000${ns}`
    let index = this.selectorIndexes.get(key)
    if (!index) {
      index = new SelectorIndex(this.inNamespace(kind, ns).map(selectorOf))
      this.selectorIndexes.set(key, index)
    }
    return index
  }

  namespaceObject(ns: string): K8sObject | undefined {
    return (this.byKind.get('Namespace')?.get('') ?? []).find(n => n.name === ns)
  }
}

/** Does a LabelSelector (matchLabels + matchExpressions) select these labels? An empty selector selects everything. */
export function selectorMatches(selector: unknown, labels: Obj): boolean {
  if (selector === undefined || selector === null) return true
  if (!isObj(selector)) return false
  const matchLabels = obj(selector.matchLabels)
  if (matchLabels) {
    for (const [k, v] of Object.entries(matchLabels)) if (!Object.hasOwn(labels, k) || String(labels[k]) !== String(v)) return false
  }
  for (const expr of list(selector.matchExpressions)) {
    if (!isObj(expr)) return false
    const key = str(expr.key) ?? ''
    const values = list(expr.values).map(String)
    const has = Object.hasOwn(labels, key)
    const value = has ? String(labels[key]) : undefined
    switch (expr.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false
        break
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}

export function isEmptySelector(selector: unknown): boolean {
  if (selector === undefined || selector === null) return true
  if (!isObj(selector)) return false
  const labels = obj(selector.matchLabels)
  return (!labels || Object.keys(labels).length === 0) && list(selector.matchExpressions).length === 0
}

/**
 * Label selectors of one namespace, indexed so that a pod is checked against
 * the few selectors that share one of its labels instead of all of them.
 */
class SelectorIndex {
  private selectsAll = false
  /** "key=value" of a selector's first matchLabels entry → selectors to verify. */
  private readonly byLabel = new Map<string, unknown[]>()
  /** Selectors with only matchExpressions (rare): checked one by one. */
  private readonly others: unknown[] = []

  constructor(selectors: unknown[]) {
    for (const selector of selectors) {
      if (selector === undefined) continue
      if (isEmptySelector(selector)) {
        this.selectsAll = true
        continue
      }
      const first = isObj(selector) ? Object.entries(obj(selector.matchLabels) ?? {})[0] : undefined
      if (!first) {
        this.others.push(selector)
        continue
      }
      const key = `${first[0]}=${String(first[1])}`
      const bucket = this.byLabel.get(key)
      if (bucket) bucket.push(selector)
      else this.byLabel.set(key, [selector])
    }
  }

  matches(labels: Obj): boolean {
    if (this.selectsAll) return true
    for (const [k, v] of Object.entries(labels)) {
      const candidates = this.byLabel.get(`${k}=${String(v)}`)
      if (candidates?.some(s => selectorMatches(s, labels))) return true
    }
    return this.others.some(s => selectorMatches(s, labels))
  }
}
