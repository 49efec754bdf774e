import { isRolling, type EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-002',
  name: 'breaker-without-rollback',
  title: 'Circuit breaker enabled without rollback',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'With rollback false the breaker marks a failing deployment FAILED and stops it, but leaves the service on the broken task definition.',
  fix: 'Set rollback: true on the deployment circuit breaker.',
  anchors: { aws: 'DeploymentCircuitBreaker' },
  check(model) {
    return model.services
      .filter(s => isRolling(s) && s.circuitBreaker?.enable === true && (s.circuitBreaker.rollback === false || s.circuitBreaker.rollback === undefined))
      .map(s => ({
        path: s.path,
        line: s.circuitBreaker?.rollback === undefined ? s.lineOf('circuitBreaker') : s.lineOf('rollback'),
        message: `ECS service ${s.name}: the circuit breaker stops a failing deployment but does not roll it back.`,
        key: s.name
      }))
  }
}
