import { isObj, lineOf, obj, str, type K8sObject, type Obj } from './model.js'

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers'

/** One container of a pod template, with what rules need to judge it. */
export interface ContainerView {
  raw: Obj
  name: string
  group: ContainerGroup
  /** An init container with restartPolicy: Always runs for the pod's lifetime (native sidecar). */
  sidecar: boolean
  /** The `- name:` line: where findings about something missing point. */
  line: number
  securityContext: Obj | undefined
}

export interface Workload {
  /** The pod spec (spec.template.spec, spec.jobTemplate.spec.template.spec, or spec for a Pod). */
  podSpec: Obj
  /** Pod template metadata (labels, annotations); the object's own metadata for a Pod. */
  podMeta: Obj
  podSecurityContext: Obj | undefined
  containers: ContainerView[]
  /** Long-running workloads are expected to have probes; Jobs and CronJobs are not. */
  longRunning: boolean
}

/** Workload kinds whose pods we lint, and where their pod template lives. */
const TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job'])

export function isWorkloadKind(o: K8sObject): boolean {
  return o.kind === 'Pod' || o.kind === 'CronJob' || TEMPLATE_KINDS.has(o.kind) || isRollout(o)
}

export function isRollout(o: K8sObject): boolean {
  return o.kind === 'Rollout' && o.apiVersion.startsWith('argoproj.io/')
}

export type WorkloadShape = { ok: true; workload: Workload } | { ok: false; line: number; message: string } | undefined

const cache = new WeakMap<K8sObject, WorkloadShape>()

/** The pod template of a workload; undefined for other kinds; a shape error when the template cannot be found. */
export function workloadOf(o: K8sObject): WorkloadShape {
  if (cache.has(o)) return cache.get(o)
  const shape = extract(o)
  cache.set(o, shape)
  return shape
}

function extract(o: K8sObject): WorkloadShape {
  if (!isWorkloadKind(o)) return undefined
  const spec = obj(o.raw.spec)
  if (!spec) return { ok: false, line: o.line, message: `${o.kind} "${o.name}" has no spec` }
  let template: Obj | undefined
  let podSpec: Obj | undefined
  let podMeta: Obj = o.metadata
  if (o.kind === 'Pod') {
    podSpec = spec
  } else {
    if (o.kind === 'CronJob') {
      const jobSpec = obj(obj(spec.jobTemplate)?.spec)
      template = obj(jobSpec?.template)
    } else if (isRollout(o) && spec.workloadRef !== undefined && spec.template === undefined) {
      return undefined // the pods come from the referenced Deployment, linted on its own
    } else {
      template = obj(spec.template)
    }
    podSpec = obj(template?.spec)
    podMeta = obj(template?.metadata) ?? {}
  }
  if (!podSpec) return { ok: false, line: lineOf(o.raw, 'spec'), message: `${o.kind} "${o.name}" has no pod template spec` }
  if (!Array.isArray(podSpec.containers) || podSpec.containers.length === 0) {
    return { ok: false, line: lineOf(podSpec, 'containers'), message: `${o.kind} "${o.name}" has no containers list` }
  }
  const containers: ContainerView[] = []
  for (const group of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    const items = podSpec[group]
    if (items === undefined || items === null) continue
    if (!Array.isArray(items)) return { ok: false, line: lineOf(podSpec, group), message: `${group} of ${o.kind} "${o.name}" is not a list` }
    items.forEach((item, index) => {
      if (!isObj(item)) return
      const name = str(item.name) ?? `#${index}`
      containers.push({
        raw: item,
        name,
        group,
        sidecar: group === 'initContainers' && item.restartPolicy === 'Always',
        line: item.name !== undefined ? lineOf(item, 'name') : lineOf(items, index),
        securityContext: obj(item.securityContext)
      })
    })
  }
  const restart = str(podSpec.restartPolicy)
  const longRunning = o.kind === 'Job' || o.kind === 'CronJob' ? false : o.kind === 'Pod' ? restart === undefined || restart === 'Always' : true
  return { ok: true, workload: { podSpec, podMeta, podSecurityContext: obj(podSpec.securityContext), containers, longRunning } }
}

/** Regular containers and native sidecars: the ones that serve traffic and get probe/resource rules. */
export function isLongLived(c: ContainerView): boolean {
  return c.group === 'containers' || c.sidecar
}

/** A securityContext value and where it was written. */
export interface Effective<T> {
  value: T
  line: number
  level: 'pod' | 'container'
}

/**
 * The value Kubernetes applies for a field that exists at both levels
 * (runAsUser, runAsGroup, runAsNonRoot, seccompProfile, seLinuxOptions,
 * appArmorProfile): the container's own value when set, else the pod's.
 */
export function effective(w: Workload, c: ContainerView, field: string): Effective<unknown> | undefined {
  const own = c.securityContext?.[field]
  if (own !== undefined && own !== null) return { value: own, line: lineOf(c.securityContext, field), level: 'container' }
  const pod = w.podSecurityContext?.[field]
  if (pod !== undefined && pod !== null) return { value: pod, line: lineOf(w.podSecurityContext, field), level: 'pod' }
  return undefined
}

/** windowsOptions fields are merged one by one (pod value unless the container sets that field). */
export function effectiveWindows(w: Workload, c: ContainerView, field: string): Effective<unknown> | undefined {
  const own = obj(c.securityContext?.windowsOptions)
  if (own && own[field] !== undefined && own[field] !== null) return { value: own[field], line: lineOf(own, field), level: 'container' }
  const pod = obj(w.podSecurityContext?.windowsOptions)
  if (pod && pod[field] !== undefined && pod[field] !== null) return { value: pod[field], line: lineOf(pod, field), level: 'pod' }
  return undefined
}

/** A container-only securityContext field (privileged, allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem, procMount). */
export function containerField(c: ContainerView, field: string): Effective<unknown> | undefined {
  const v = c.securityContext?.[field]
  if (v === undefined || v === null) return undefined
  return { value: v, line: lineOf(c.securityContext, field), level: 'container' }
}

/** Pod annotations (template metadata, or the Pod's own). */
export function podAnnotations(w: Workload): Obj {
  return obj(w.podMeta.annotations) ?? {}
}

export function podLabels(w: Workload): Obj {
  return obj(w.podMeta.labels) ?? {}
}

