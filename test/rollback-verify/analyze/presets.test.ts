import { describe, expect, it } from 'vitest'
import { rollbackPlan } from '../../../src/rollback-verify/analyze/presets.js'

describe('rollback presets', () => {
  it('kubectl: rollout undo, then rollout status with a timeout as verification', () => {
    expect(rollbackPlan({ preset: 'kubectl', args: { deployment: 'web', namespace: 'prod' } })).toEqual({
      rollback: [['kubectl', 'rollout', 'undo', 'deployment/web', '--namespace', 'prod']],
      verify: [['kubectl', 'rollout', 'status', 'deployment/web', '--namespace', 'prod', '--timeout=5m']]
    })
    const pinned = rollbackPlan({ preset: 'kubectl', args: { deployment: 'db', kind: 'statefulset', 'to-revision': '3', timeout: '90s', context: 'eu' } })
    expect(pinned?.rollback[0]).toEqual(['kubectl', 'rollout', 'undo', 'statefulset/db', '--context', 'eu', '--to-revision=3'])
    expect(pinned?.verify[0]).toContain('--timeout=90s')
    expect(() => rollbackPlan({ preset: 'kubectl', args: { deployment: 'web', kind: 'pod' } })).toThrow(/kind must be/)
  })

  it('ecs: update-service to the given previous task definition, then wait services-stable', () => {
    expect(rollbackPlan({ preset: 'ecs', args: { cluster: 'prod', service: 'web', 'task-definition': 'web:41', region: 'eu-west-1' } })).toEqual({
      rollback: [['aws', 'ecs', 'update-service', '--cluster', 'prod', '--service', 'web', '--task-definition', 'web:41', '--region', 'eu-west-1']],
      verify: [['aws', 'ecs', 'wait', 'services-stable', '--cluster', 'prod', '--services', 'web', '--region', 'eu-west-1']]
    })
    expect(() => rollbackPlan({ preset: 'ecs', args: { cluster: 'prod', service: 'web' } })).toThrow(/task-definition=/)
  })

  it('vercel: rollback to the previous (or a named) production deployment', () => {
    expect(rollbackPlan({ preset: 'vercel' })).toEqual({ rollback: [['vercel', 'rollback']], verify: [] })
    expect(rollbackPlan({ preset: 'vercel', args: { deployment: 'dpl_123', scope: 'team', timeout: '2m' } })?.rollback[0]).toEqual([
      'vercel', 'rollback', 'dpl_123', '--scope', 'team', '--timeout', '2m'
    ])
  })

  it('any command is run as given argv; nothing configured means no plan', () => {
    expect(rollbackPlan({ command: ['helm', 'rollback', 'web'] })).toEqual({ rollback: [['helm', 'rollback', 'web']], verify: [] })
    expect(rollbackPlan(undefined)).toBeUndefined()
    expect(() => rollbackPlan({ command: [] })).toThrow(/empty/)
  })
})
