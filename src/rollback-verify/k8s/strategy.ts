import { at, obj, str } from '../common/node.js'
import type { K8sObject } from './types.js'

/** The deployment-strategy table: risk level and rollback speed per strategy. */
export const STRATEGY_TABLE = {
  'blue-green': { risk: 'Low', rollback: 'Instant', bestFor: 'Critical services' },
  canary: { risk: 'Low', rollback: 'Fast', bestFor: 'High-traffic services' },
  rolling: { risk: 'Medium', rollback: 'Medium', bestFor: 'Stateless services' },
  recreate: { risk: 'High', rollback: 'Slow', bestFor: 'Dev/staging only' }
} as const

export type Strategy = keyof typeof STRATEGY_TABLE

export function strategyOf(o: K8sObject): Strategy | undefined {
  const strategy = obj(at(o.data, 'spec', 'strategy'))
  if (o.kind === 'Rollout') return strategy?.blueGreen ? 'blue-green' : strategy?.canary ? 'canary' : undefined
  if (o.kind === 'Deployment') return str(strategy?.type) === 'Recreate' ? 'recreate' : 'rolling'
  if (o.kind === 'StatefulSet' || o.kind === 'DaemonSet') return str(at(o.data, 'spec', 'updateStrategy', 'type')) === 'OnDelete' ? 'recreate' : 'rolling'
  return undefined
}

/** Markdown inventory for the job summary. */
export function strategyTable(objects: K8sObject[]): string | undefined {
  const rows = objects.flatMap(o => {
    const s = strategyOf(o)
    return s ? [`| ${o.kind} ${o.name} | ${o.doc.path} | ${s} | ${STRATEGY_TABLE[s].risk} | ${STRATEGY_TABLE[s].rollback} |`] : []
  })
  if (rows.length === 0) return undefined
  return ['| Workload | File | Strategy | Risk | Rollback speed |', '|---|---|---|---|---|', ...rows].join('\n')
}
