import type { RuleMeta } from '../../core/rule.js'
import type { Severity } from '../../core/severity.js'
import { arr, at, obj, str, type Obj } from '../common/node.js'
import type { RollbackVerifyConfig } from '../config.js'
import type { LoadedDoc } from '../manifests/yaml.js'

export type WorkloadKind = 'Deployment' | 'Rollout' | 'StatefulSet' | 'DaemonSet'
export const WORKLOAD_KINDS: readonly string[] = ['Deployment', 'Rollout', 'StatefulSet', 'DaemonSet']
export const TEMPLATE_KINDS: readonly string[] = ['AnalysisTemplate', 'ClusterAnalysisTemplate']

/** A Kubernetes object found in a scanned file. */
export interface K8sObject {
  doc: LoadedDoc
  /** The object itself (the document, or one item of a kind: List). */
  data: Obj
  /** YAML path of `data` inside the document ([] or ['items', i]). */
  base: Array<string | number>
  kind: string
  apiVersion: string
  name: string
  namespace?: string
}

export interface K8sContext {
  objects: K8sObject[]
  config: RollbackVerifyConfig
  /** AnalysisTemplate names (namespaced and cluster-scoped) present in the scanned set. */
  templates: Map<string, K8sObject>
}

export interface K8sHit {
  object: K8sObject
  /** YAML path of the offending value (its line is reported). */
  at: Array<string | number>
  message: string
  /** Identity beyond the object (container, metric…). */
  key?: string
  /** When this occurrence is less (or more) severe than the rule's default. */
  severity?: Severity
}

export interface K8sRule extends RuleMeta {
  check(ctx: K8sContext): K8sHit[]
}

export function workloads(ctx: K8sContext): K8sObject[] {
  return ctx.objects.filter(o => WORKLOAD_KINDS.includes(o.kind))
}

export function rollouts(ctx: K8sContext): K8sObject[] {
  return ctx.objects.filter(o => o.kind === 'Rollout' && o.apiVersion.startsWith('argoproj.io/'))
}

/** Containers of a workload's pod template with their YAML paths. */
export function containers(o: K8sObject): Array<{ container: Obj; path: Array<string | number> }> {
  const spec = obj(at(o.data, 'spec', 'template', 'spec'))
  const out: Array<{ container: Obj; path: Array<string | number> }> = []
  for (const list of ['initContainers', 'containers'] as const) {
    arr(spec?.[list]).forEach((c, i) => {
      const container = obj(c)
      if (container) out.push({ container, path: ['spec', 'template', 'spec', list, i] })
    })
  }
  return out
}

/** Namespaces or names that say "not production" (Recreate is fine there). */
export function nonProduction(o: K8sObject, config: RollbackVerifyConfig): boolean {
  if (config.environment) return config.environment !== 'production'
  const labels = obj(at(o.data, 'metadata', 'labels'))
  const hints = [o.namespace, str(labels?.environment), str(labels?.env), str(labels?.['app.kubernetes.io/environment'])]
  return hints.some(h => h !== undefined && /(^|[-_.])(dev|development|staging|stage|qa|test|sandbox|preview)($|[-_.])/i.test(h))
}
