import { isRolling, type EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-001',
  name: 'no-circuit-breaker',
  title: 'ECS service without deployment circuit breaker',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Without the circuit breaker a rolling ECS deployment whose tasks keep failing retries forever instead of stopping and rolling back to the last completed deployment.',
  fix: 'Set deploymentConfiguration.deploymentCircuitBreaker { enable: true, rollback: true } (Terraform: deployment_circuit_breaker { enable = true, rollback = true }).',
  anchors: { aws: 'DeploymentCircuitBreaker' },
  check(model) {
    return model.services
      .filter(s => isRolling(s) && (s.circuitBreaker === undefined || s.circuitBreaker.enable === false || s.circuitBreaker.enable === undefined))
      .map(s => ({
        path: s.path,
        line: s.circuitBreaker ? s.lineOf('circuitBreaker') : s.lineOf('service'),
        message: `ECS service ${s.name} has no enabled deployment circuit breaker: failing deployments are never stopped or rolled back.`,
        key: s.name
      }))
  }
}
