import { describe, expect, it } from 'vitest'
import { checkEcs } from '../../../src/rollback-verify/ecs/check.js'
import { loadManifestFiles } from '../../../src/rollback-verify/k8s/load.js'
import { fixtureContext } from '../helpers.js'

const ctx = fixtureContext()

async function run(files: string[], tf: string[] = []) {
  const loaded = await loadManifestFiles(ctx, files)
  const r = await checkEcs(ctx, loaded.files, tf, {})
  return { ...r, errors: [...loaded.errors, ...r.errors] }
}

const lines = (r: { findings: Array<{ ruleId: string; path: string; line: number }> }, id: string) =>
  r.findings.filter(f => f.ruleId === id).map(f => `${f.path}:${f.line}`)

describe('RV-ECS rules', () => {
  it('aws ecs JSON: breaker without rollback, zero healthy percent, :latest image', async () => {
    const r = await run(['ecs/service.json', 'ecs/service-good.json', 'ecs/taskdef.json'])
    expect(r.errors).toEqual([])
    expect(lines(r, 'RV-ECS-001')).toEqual([])
    expect(lines(r, 'RV-ECS-002')).toEqual(['ecs/service.json:7'])
    expect(lines(r, 'RV-ECS-003')).toEqual(['ecs/service.json:3'])
    expect(lines(r, 'RV-ECS-004')).toEqual(['ecs/service.json:9'])
    expect(lines(r, 'RV-ECS-005')).toEqual(['ecs/taskdef.json:5'])
    expect(r.inputs.sort()).toEqual(['ecs/service-good.json', 'ecs/service.json', 'ecs/taskdef.json'])
  })

  it('CloudFormation: missing breaker, breaker ignored under CODE_DEPLOY, untagged image; !Sub images skipped', async () => {
    const r = await run(['ecs/stack.yaml'])
    expect(r.errors).toEqual([])
    expect(lines(r, 'RV-ECS-001')).toEqual(['ecs/stack.yaml:5'])
    expect(lines(r, 'RV-ECS-006')).toEqual(['ecs/stack.yaml:14'])
    expect(lines(r, 'RV-ECS-005')).toEqual(['ecs/stack.yaml:27'])
  })

  it('Terraform aws_ecs_service / aws_ecs_task_definition via hcl2json', async () => {
    const r = await run([], ['ecs/main.tf'])
    expect(r.errors).toEqual([])
    expect(lines(r, 'RV-ECS-001')).toEqual(['ecs/main.tf:18'])
    expect(lines(r, 'RV-ECS-002')).toEqual([])
    expect(lines(r, 'RV-ECS-004')).toEqual(['ecs/main.tf:20'])
    expect(lines(r, 'RV-ECS-005')).toEqual(['ecs/main.tf:28'])
  })

  it('fails closed on invalid HCL', async () => {
    const r = await run([], ['ecs/broken.tf'])
    expect(r.errors[0]?.path).toBe('ecs/broken.tf')
    expect(r.errors[0]?.message).toMatch(/not valid HCL/)
  })
})
