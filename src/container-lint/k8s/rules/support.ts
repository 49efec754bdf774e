import type { K8sObject } from '../model.js'
import { workloadOf, type ContainerView, type Workload } from '../workload.js'

/** Runs `fn` when the object is a workload with a readable pod template. */
export function withWorkload(o: K8sObject, fn: (w: Workload) => void): void {
  const shape = workloadOf(o)
  if (shape?.ok) fn(shape.workload)
}

/** Runs `fn` for every container (regular, init, ephemeral): security rules apply to all of them (PSS does). */
export function eachContainer(o: K8sObject, fn: (c: ContainerView, w: Workload) => void): void {
  withWorkload(o, w => {
    for (const c of w.containers) fn(c, w)
  })
}

/** "init container" / "ephemeral container" / "container", for messages. */
export function containerWord(c: ContainerView): string {
  return c.group === 'initContainers' ? (c.sidecar ? 'sidecar container' : 'init container') : c.group === 'ephemeralContainers' ? 'ephemeral container' : 'container'
}

/** Windows pods are exempt from the Linux-only PSS controls. */
export function isWindowsPod(w: Workload): boolean {
  const os = w.podSpec.os
  return typeof os === 'object' && os !== null && (os as Record<string, unknown>).name === 'windows'
}
