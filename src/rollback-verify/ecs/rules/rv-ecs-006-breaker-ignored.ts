import { isRolling, type EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-006',
  name: 'breaker-ignored',
  title: 'Circuit breaker configured on a CODE_DEPLOY / EXTERNAL service',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'The circuit breaker and deployment alarms only apply to the ECS (rolling) deployment controller; on CODE_DEPLOY or EXTERNAL they are ignored, so the rollback you configured does not exist.',
  fix: 'Configure automatic rollback in CodeDeploy (auto-rollback on failure / alarms) or in the external controller.',
  check(model) {
    return model.services
      .filter(s => !isRolling(s) && (s.circuitBreaker?.enable === true || s.alarms?.enable === true))
      .map(s => ({ path: s.path, line: s.lineOf('controller'), message: `ECS service ${s.name} uses the ${s.controller} controller, which ignores the circuit breaker and deployment alarms.`, key: s.name }))
  }
}
