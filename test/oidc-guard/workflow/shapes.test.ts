import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DeployGatesConfig } from '../../../src/core/config.js'
import { silentLogger } from '../../../src/core/logger.js'
import { auditWorkflowText, runWorkflowAudit } from '../../../src/oidc-guard/workflow/audit.js'
import { parseWorkflowFile, WorkflowSyntaxError } from '../../../src/oidc-guard/workflow/model.js'
import { DEFAULT_AUDIT_OPTIONS } from '../../../src/oidc-guard/workflow/rule.js'
import { fixture } from '../helpers.js'

/** Nine aliases of nine aliases …: 9^9 nodes once expanded, from under 400 bytes. */
function aliasBomb(prefix: string): string {
  const lines = [prefix, 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`)
  return `${lines.join('\n')}\n`
}

const problems = (text: string, path = '.github/workflows/a.yml'): string[] => parseWorkflowFile(text, path).problems.map(p => `${p.line}: ${p.message}`)

describe('YAML alias budget (regression: billion laughs hung the audit)', () => {
  it('refuses an alias bomb with a WorkflowSyntaxError naming the file and the alias line', () => {
    const text = aliasBomb('on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]')
    let error: unknown
    try {
      auditWorkflowText(text, '.github/workflows/bomb.yml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(WorkflowSyntaxError)
    const syntax = error as WorkflowSyntaxError
    expect(syntax.path).toBe('.github/workflows/bomb.yml')
    expect(syntax.reason).toBe('too many YAML aliases (alias bomb?)')
    // The anchors a5… are where the expansion passes 10,000 alias uses: a line inside the bomb, not line 1.
    expect(syntax.line).toBeGreaterThan(6)
    expect(syntax.line).toBeLessThanOrEqual(15)
  })

  it('still resolves ordinary reuse of anchors', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: &s\n      - run: echo hi\n  b:\n    runs-on: x\n    steps: *s\n'
    const file = parseWorkflowFile(text, 'a.yml')
    expect(file.problems).toEqual([])
    expect(file.jobs.map(j => j.steps.length)).toEqual([1, 1])
  })

  const dir = mkdtempSync(join(tmpdir(), 'og-bomb-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reports the bomb as an error for its file and still audits the other files', async () => {
    mkdirSync(join(dir, '.github/workflows'), { recursive: true })
    writeFileSync(join(dir, '.github/workflows/bomb.yml'), aliasBomb('on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]'))
    writeFileSync(join(dir, '.github/workflows/ok.yml'), fixture('aws-static-keys.yml'))
    const result = await runWorkflowAudit({ workspace: dir, config: DeployGatesConfig.empty(), logger: silentLogger }, { ...DEFAULT_AUDIT_OPTIONS, paths: ['.'] })
    expect(result.errors).toEqual([{ path: '.github/workflows/bomb.yml', message: expect.stringMatching(/^line \d+: too many YAML aliases \(alias bomb\?\)$/) }])
    expect(result.inputs).toEqual(['.github/workflows/bomb.yml', '.github/workflows/ok.yml'])
    expect(result.findings.some(f => f.path === '.github/workflows/ok.yml')).toBe(true)
  })
})

describe('wrong-shaped structural keys are problems (regression: `runs: "x"` passed clean)', () => {
  it('rejects an action whose runs is a string or a list, naming the line', () => {
    expect(problems('name: x\ndescription: y\nruns: "corrupted"\n', 'deploy/action.yml')).toEqual(['3: `runs:` must be a mapping (using, steps, …)'])
    expect(problems('name: x\nruns: [a]\n', 'deploy/action.yml')).toEqual(['2: `runs:` must be a mapping (using, steps, …)'])
  })

  it('rejects an action without using, with a non-string using, or a composite without steps', () => {
    expect(problems('name: x\nruns:\n  steps: []\n', 'action.yml')).toEqual(['2: action `runs:` has no `using:`'])
    expect(problems('name: x\nruns:\n  using: [composite]\n  steps: []\n', 'action.yml')).toEqual(['3: `runs.using` must be a string'])
    expect(problems('name: x\nruns:\n  using: composite\n', 'action.yml')).toEqual(['2: composite action has no `runs.steps`'])
    expect(problems('name: x\nruns:\n  using: composite\n  steps: {run: x}\n', 'action.yml')).toEqual(['4: `runs.steps` must be a list of steps'])
    expect(parseWorkflowFile(fixture('composite-action.yml'), 'deploy/action.yml').problems).toEqual([])
  })

  it('rejects workflow keys of the wrong type', () => {
    expect(problems('on: push\njobs: "corrupted"\n')).toEqual(['2: `jobs:` must be a mapping of job ids'])
    expect(problems('on: 5\njobs: {}\n')).toEqual(['1: `on:` must be an event name, a list of event names or a mapping'])
    expect(problems('on:\njobs: {}\n')).toEqual(['1: `on:` must be an event name, a list of event names or a mapping'])
    expect(problems('on: [push, {a: b}]\njobs: {}\n')).toEqual(['1: `on:` must be an event name, a list of event names or a mapping'])
    expect(problems('on: push\npermissions: [write-all]\njobs: {}\n')).toEqual(['2: `permissions:` must be read-all, write-all or a mapping of scopes'])
    expect(problems('on: push\npermissions: 5\njobs: {}\n')).toEqual(['2: `permissions:` must be read-all, write-all or a mapping of scopes'])
    expect(problems('on: push\njobs:\n  a:\n    runs-on: x\n    steps: {run: x}\n')).toEqual(['5: `jobs.a.steps` must be a list of steps'])
    expect(problems('on: push\njobs:\n  a:\n    runs-on: x\n    environment: [prod]\n')).toEqual(['5: `jobs.a.environment` must be a name or a mapping'])
    expect(problems('on: push\njobs:\n  a:\n    uses: {x: y}\n')).toEqual(['4: `jobs.a.uses` must be a string'])
    expect(problems('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: [a]\n      - run: {a: b}\n')).toEqual([
      '6: jobs.a.steps[0].uses must be a string',
      '7: jobs.a.steps[1].run must be a string'
    ])
  })

  it('keeps accepting the legitimate forms', () => {
    expect(problems('on: push\npermissions: read-all\njobs: {}\n')).toEqual([])
    expect(problems('on:\n  push:\n  schedule:\n    - cron: "0 0 * * *"\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    environment: {name: prod}\n    steps:\n      - run: echo\n')).toEqual([])
    expect(problems('name: x\nruns:\n  using: node24\n  main: index.js\n', 'action.yml')).toEqual([])
  })
})
