import { at, num } from '../../common/node.js'
import { workloads, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-001',
  name: 'no-revision-history',
  title: 'revisionHistoryLimit: 0 leaves nothing to roll back to',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'With revisionHistoryLimit 0 the old ReplicaSets are deleted, so `kubectl rollout undo` answers "no rollout history found" exactly when you need it. (GitOps teams that roll back by git revert set gitops: true.)',
  fix: 'Remove revisionHistoryLimit (default 10) or set it to at least 2; if rollback is a git revert, set `gitops: true` in the rollback-verify config.',
  check(ctx) {
    if (ctx.config.gitops) return []
    return workloads(ctx)
      .filter(o => (o.kind === 'Deployment' || o.kind === 'Rollout') && num(at(o.data, 'spec', 'revisionHistoryLimit')) === 0)
      .map(o => ({ object: o, at: ['spec', 'revisionHistoryLimit'], message: `${o.kind} ${o.name} keeps no old revisions (revisionHistoryLimit: 0): rollout undo has nothing to go back to.` }))
  }
}
