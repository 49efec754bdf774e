import { arr, at, obj, str } from '../../common/node.js'
import { nonProduction, type K8sObject, type K8sRule } from '../types.js'

/** Claims of the pod template that are ReadWriteOnce in the scanned set (Recreate is then the only safe choice). */
function mountsRwoClaim(o: K8sObject, all: K8sObject[]): boolean {
  const claims = arr(at(o.data, 'spec', 'template', 'spec', 'volumes'))
    .map(v => str(at(v, 'persistentVolumeClaim', 'claimName')))
    .filter((c): c is string => c !== undefined)
  return claims.some(claim =>
    all.some(p => p.kind === 'PersistentVolumeClaim' && p.name === claim && arr(at(p.data, 'spec', 'accessModes')).includes('ReadWriteOnce'))
  )
}

export const rule: K8sRule = {
  id: 'RV-K8S-003',
  name: 'recreate-strategy',
  title: 'Recreate strategy outside dev/staging',
  severity: 'medium', // info when the pod mounts a ReadWriteOnce claim: then Recreate is the only safe choice
  kind: 'misconfiguration',
  rationale:
    'Recreate stops every old pod before starting new ones: downtime on each deploy and a slow rollback (high risk; the strategy table reserves it for dev/staging). Blue-green and canary are low risk, rolling is medium.',
  fix: 'Use RollingUpdate (or an Argo Rollouts canary / blue-green) for production workloads; keep Recreate for dev/staging or single-writer volumes.',
  check(ctx) {
    return ctx.objects
      .filter(o => o.kind === 'Deployment' && str(obj(at(o.data, 'spec', 'strategy'))?.type) === 'Recreate')
      .filter(o => !nonProduction(o, ctx.config))
      .map(o => {
        const rwo = mountsRwoClaim(o, ctx.objects)
        return {
          object: o,
          at: ['spec', 'strategy', 'type'],
          message: rwo
            ? `Deployment ${o.name} uses Recreate because it mounts a ReadWriteOnce claim; expect downtime and a slow rollback (consider a StatefulSet).`
            : `Deployment ${o.name} uses Recreate (high risk: downtime on every deploy and rollback; meant for dev/staging only).`,
          ...(rwo && { key: 'rwo', severity: 'info' as const })
        }
      })
  }
}
