import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkKubernetes } from '../../../src/rollback-verify/k8s/check.js'
import { fixtureContext } from '../helpers.js'

const workspace = mkdtempSync(join(tmpdir(), 'rv-k8s-shape-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))
let n = 0

async function check(yaml: string) {
  const file = `m${++n}.yaml`
  writeFileSync(join(workspace, file), yaml)
  return checkKubernetes(fixtureContext(workspace), [file], {})
}

const DEPLOYMENT = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}`

describe('wrong-typed structure of workload objects is an input error, never a silent skip', () => {
  it('spec as a string', async () => {
    const r = await check('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: corrupted\n')
    expect(r.errors).toEqual([{ path: 'm1.yaml', message: 'line 5: Deployment web: spec must be a mapping, found a string' }])
  })

  it('metadata as a list (Rollout)', async () => {
    const r = await check('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: [a, b]\nspec:\n  replicas: 2\n')
    expect(r.errors.map(e => e.message)).toEqual(['line 3: Rollout (unnamed): metadata must be a mapping, found a list'])
  })

  it('template, strategy, containers and probes of the wrong type, each at its own line', async () => {
    const r = await check(
      DEPLOYMENT(`  strategy: RollingUpdate
  template:
    spec:
      containers:
        name: api
      initContainers:
        - name: init
          image: [busybox]
          readinessProbe: true
`)
    )
    expect(r.errors.map(e => e.message)).toEqual([
      'line 6: Deployment web: spec.strategy must be a mapping, found a string',
      'line 9: Deployment web: spec.template.spec.containers must be a list, found a mapping',
      'line 13: Deployment web: spec.template.spec.initContainers[0].image must be a single value, found a list',
      'line 14: Deployment web: spec.template.spec.initContainers[0].readinessProbe must be a mapping, found a boolean'
    ])
  })

  it('canary steps and AnalysisTemplate metrics of the wrong type', async () => {
    const r = await check(`apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: api }
spec:
  strategy:
    canary:
      steps: setWeight
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: rate }
spec:
  metrics:
    - name: rate
      provider: prometheus
`)
    expect(r.errors.map(e => e.message)).toEqual([
      'line 7: Rollout api: spec.strategy.canary.steps must be a list, found a string',
      'line 15: AnalysisTemplate rate: spec.metrics[0].provider must be a mapping, found a string'
    ])
  })

  it('a kind: List whose items are not a list', async () => {
    const r = await check('apiVersion: v1\nkind: List\nitems: corrupted\n')
    expect(r.errors.map(e => e.message)).toEqual(['line 3: List: items must be a list of objects'])
  })

  it('null and absent values are "not written", not errors', async () => {
    const r = await check(DEPLOYMENT('  strategy:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: nginx:1.27.0\n'))
    expect(r.errors).toEqual([])
  })
})
