import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { command } from '../../src/cli/commands/container-lint.js'
import { K8S_RULES } from '../../src/container-lint/k8s/rules/index.js'
import { DeployGatesConfig } from '../../src/core/config.js'
import { UserError } from '../../src/core/errors.js'
import { silentLogger } from '../../src/core/logger.js'

const root = resolve(import.meta.dirname, '../..')
const ctx = { workspace: resolve(root, 'test/fixtures/container-lint'), config: DeployGatesConfig.empty(), logger: silentLogger }

describe('deploy-gates container-lint (CLI command)', () => {
  it('lints the given paths', async () => {
    const result = await command.run(['k8s/netpol.yaml', 'app'], {}, ctx)
    expect(command.name).toBe('container-lint')
    expect(result.command).toBe('container-lint')
    expect(result.inputs.sort()).toEqual(['app/Dockerfile', 'app/Dockerfile.prod', 'k8s/netpol.yaml'])
  })

  it('defaults to the working directory', async () => {
    const result = await command.run([], {}, ctx)
    expect(result.inputs).toContain('k8s/deploy.yaml')
    expect(result.inputs).toContain('app/Dockerfile')
  })

  it('refuses an unknown option instead of ignoring it', async () => {
    await expect(command.run(['.'], { 'no-such-flag': true }, ctx)).rejects.toThrow(UserError)
  })
})

describe('actions/container-lint/action.yml', () => {
  const action = parse(readFileSync(resolve(root, 'actions/container-lint/action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }
  it('declares paths plus the common inputs and outputs, each described, and runs the bundle on node24', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['budgets', 'config', 'fail-on', 'paths', 'result-file', 'sarif-file', 'working-directory'])
    expect(action.inputs.paths?.default).toBe('.')
    for (const output of ['verdict', 'counts', 'critical', 'high', 'medium', 'low', 'info', 'sarif-file', 'result-file']) expect(action.outputs[output]?.description).toBeTruthy()
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10)
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/container-lint/index.js' })
  })
})

describe('one file per Kubernetes rule', () => {
  it('is named <id-lower>-<name>.ts and exports that rule', async () => {
    const dir = resolve(root, 'src/container-lint/k8s/rules')
    const files = readdirSync(dir).filter(f => f.startsWith('cl-k8s-'))
    expect(files.sort()).toEqual(K8S_RULES.map(r => `${r.id.toLowerCase()}-${r.name}.ts`).sort())
  })
})
