import { isRolling, type EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-003',
  name: 'no-alarm-rollback',
  title: 'No CloudWatch alarm rollback',
  severity: 'info',
  kind: 'misconfiguration',
  rationale: 'The circuit breaker only sees tasks that fail to start or stay healthy; deployment alarms (error rate, latency) also roll back a release that runs but misbehaves.',
  fix: 'Add deploymentConfiguration.alarms { alarmNames: [...], enable: true, rollback: true }.',
  anchors: { aws: 'DeploymentAlarms' },
  check(model) {
    return model.services
      .filter(s => isRolling(s) && !(s.alarms && s.alarms.enable !== false && s.alarms.rollback !== false && s.alarms.rollback !== undefined))
      .map(s => ({
        path: s.path,
        line: s.alarms ? s.lineOf('alarms') : s.lineOf('service'),
        message: `ECS service ${s.name} has no CloudWatch alarms that roll back a misbehaving deployment.`,
        key: s.name
      }))
  }
}
