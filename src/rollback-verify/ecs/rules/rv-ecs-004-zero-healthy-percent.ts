import type { EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-004',
  name: 'zero-healthy-percent',
  title: 'minimumHealthyPercent 0',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'With minimumHealthyPercent 0 ECS may stop every running task before new ones are healthy: a deploy or rollback becomes an outage.',
  fix: 'Keep minimumHealthyPercent at 100 (or at least 50) and let maximumPercent provide headroom.',
  check(model) {
    return model.services
      .filter(s => s.minimumHealthyPercent === 0)
      .map(s => ({ path: s.path, line: s.lineOf('minimumHealthyPercent'), message: `ECS service ${s.name} allows all tasks to be down during a deployment (minimumHealthyPercent 0).`, key: s.name }))
  }
}
