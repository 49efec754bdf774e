import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkEcs } from '../../../src/rollback-verify/ecs/check.js'
import { loadManifestFiles } from '../../../src/rollback-verify/k8s/load.js'
import { fixtureContext } from '../helpers.js'

const workspace = mkdtempSync(join(tmpdir(), 'rv-ecs-shape-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))
let n = 0

async function check(text: string, ext = 'json') {
  const file = `f${++n}.${ext}`
  writeFileSync(join(workspace, file), text)
  const ctx = fixtureContext(workspace)
  const loaded = await loadManifestFiles(ctx, [file])
  const r = await checkEcs(ctx, loaded.files, [], {})
  return { ...r, errors: [...loaded.errors, ...r.errors], file }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

describe('wrong-typed ECS definitions are input errors, never read as absent', () => {
  it('deploymentConfiguration as a string (service.json)', async () => {
    const r = await check(json({ cluster: 'prod', serviceName: 'api', taskDefinition: 'api:42', deploymentConfiguration: 'corrupted' }))
    expect(r.errors).toEqual([{ path: r.file, message: 'line 5: ECS service api: deploymentConfiguration must be a mapping, found a string' }])
  })

  it('circuit breaker, alarms and alarm names of the wrong type', async () => {
    const r = await check(
      json({ serviceName: 'api', deploymentConfiguration: { deploymentCircuitBreaker: [true], alarms: { enable: true, rollback: true, alarmNames: 'high-5xx' } } })
    )
    expect(r.errors.map(e => e.message)).toEqual([
      'line 4: ECS service api: deploymentConfiguration.deploymentCircuitBreaker must be a mapping, found a list',
      'line 10: ECS service api: deploymentConfiguration.alarms.alarmNames must be a list, found a string'
    ])
  })

  it('enable / rollback that are not true or false (they would read as "unknown" and pass)', async () => {
    const r = await check(json({ serviceName: 'api', deploymentConfiguration: { deploymentCircuitBreaker: { enable: 'yes', rollback: 1 } } }))
    expect(r.errors.map(e => e.message)).toEqual([
      'line 5: ECS service api: deploymentConfiguration.deploymentCircuitBreaker.enable must be true or false, found "yes"',
      'line 6: ECS service api: deploymentConfiguration.deploymentCircuitBreaker.rollback must be true or false, found a number'
    ])
  })

  it('task definition and container definitions of the wrong type', async () => {
    const wrapped = await check(json({ taskDefinition: 'corrupted' }))
    expect(wrapped.errors.map(e => e.message)).toEqual(['line 2: taskDefinition must be a task definition mapping'])
    const bare = await check(json({ family: 'api', containerDefinitions: { name: 'api', image: 'nginx:latest' } }))
    expect(bare.errors.map(e => e.message)).toEqual(['line 3: task definition api: containerDefinitions must be a list, found a mapping'])
    const container = await check(json({ taskDefinition: { family: 'api', containerDefinitions: ['nginx:latest'] } }))
    expect(container.errors.map(e => e.message)).toEqual(['line 5: task definition api: containerDefinitions[0] must be a mapping, found a string'])
  })

  it('CloudFormation: wrong-typed DeploymentConfiguration is an error, intrinsics (!If, Fn::If) are accepted', async () => {
    const r = await check(
      `Resources:
  Bad:
    Type: AWS::ECS::Service
    Properties:
      DeploymentConfiguration: corrupted
  Conditional:
    Type: AWS::ECS::Service
    Properties:
      DeploymentConfiguration: !If [Prod, { DeploymentCircuitBreaker: { Enable: true, Rollback: true } }, !Ref AWS::NoValue]
  JsonForm:
    Type: AWS::ECS::Service
    Properties:
      DeploymentConfiguration:
        Fn::If: [Prod, { DeploymentCircuitBreaker: { Enable: true, Rollback: true } }, { Ref: AWS::NoValue }]
`,
      'yaml'
    )
    expect(r.errors.map(e => e.message)).toEqual(['line 5: AWS::ECS::Service Bad: DeploymentConfiguration must be a mapping, found a string'])
  })

  it('a well-typed service gives no error', async () => {
    const r = await check(json({ serviceName: 'api', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }))
    expect(r.errors).toEqual([])
  })
})
