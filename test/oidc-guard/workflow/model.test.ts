import { describe, expect, it } from 'vitest'
import { parseWorkflowFile, WorkflowSyntaxError } from '../../../src/oidc-guard/workflow/model.js'
import { idTokenState } from '../../../src/oidc-guard/workflow/permissions.js'
import { isPinned, parseUses } from '../../../src/oidc-guard/workflow/uses.js'
import { fixture } from '../helpers.js'

describe('parseWorkflowFile', () => {
  it('reads triggers in string, list and map form with their lines', () => {
    expect(parseWorkflowFile('on: push\njobs: {}\n', 'a.yml').triggers).toEqual([{ name: 'push', line: 1 }])
    expect(parseWorkflowFile('name: x\non: [push, pull_request_target]\njobs: {}\n', 'a.yml').triggers.map(t => t.name)).toEqual(['push', 'pull_request_target'])
    const map = parseWorkflowFile('on:\n  push:\n    branches: [main]\n  workflow_run:\n    workflows: [CI]\njobs: {}\n', 'a.yml')
    expect(map.triggers).toEqual([
      { name: 'push', line: 2 },
      { name: 'workflow_run', line: 4 }
    ])
    expect(map.onLine).toBe(1)
  })

  it('reads permissions in every form', () => {
    const perms = (p: string) => parseWorkflowFile(`on: push\npermissions: ${p}\njobs: {}\n`, 'a.yml').permissions
    expect(perms('read-all')?.form).toBe('read-all')
    expect(perms('write-all')?.form).toBe('write-all')
    expect(perms('{}')).toEqual({ line: 2, form: 'map', scopes: {} })
    expect(perms('{id-token: write, contents: read}')?.scopes['id-token']?.value).toBe('write')
    expect(parseWorkflowFile('on: push\njobs: {}\n', 'a.yml').permissions).toBeUndefined()
  })

  it('knows the id-token defaults: none without a block, unknown for reusable workflows and composite actions', () => {
    const wf = (text: string) => {
      const f = parseWorkflowFile(text, 'a.yml')
      return idTokenState(f, f.jobs[0]!)
    }
    expect(wf('on: push\njobs:\n  a:\n    runs-on: x\n')).toBe('none')
    expect(wf('on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n')).toBe('write')
    expect(wf('on: push\npermissions: {id-token: write}\njobs:\n  a:\n    runs-on: x\n    permissions: {contents: read}\n')).toBe('none')
    expect(wf('on: workflow_call\njobs:\n  a:\n    runs-on: x\n')).toBe('unknown')
    const action = parseWorkflowFile(fixture('composite-action.yml'), 'actions/x/action.yml')
    expect(action.kind).toBe('action')
    expect(idTokenState(action, action.jobs[0]!)).toBe('unknown')
  })

  it('keeps lines of jobs, steps, uses, with, env and run', () => {
    const file = parseWorkflowFile(fixture('aws-static-keys.yml'), 'a.yml')
    const deploy = file.jobs.find(j => j.id === 'deploy')!
    expect(deploy.line).toBe(8)
    expect(deploy.environment).toEqual({ value: 'production', line: 10 })
    const step = deploy.steps[1]!
    expect(step).toMatchObject({ index: 1, line: 13, name: 'Configure AWS' })
    expect(step.uses).toEqual({ value: 'aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502', line: 14 })
    expect(step.with['aws-region']).toEqual({ value: 'us-east-1', line: 18 })
    expect(file.jobs[1]!.env.AWS_SECRET_ACCESS_KEY!.line).toBe(25)
  })

  it('reads reusable-workflow calls and their secrets', () => {
    const file = parseWorkflowFile(fixture('reusable-inherit.yml'), 'a.yml')
    expect(file.jobs[0]!.uses?.value).toBe('acme/platform/.github/workflows/build.yml@main')
    expect(file.jobs[0]!.secrets).toEqual({ line: 10, inherit: true, values: {} })
    expect(file.jobs[1]!.secrets?.values.TOKEN?.value).toBe('${{ secrets.DEPLOY_TOKEN }}')
  })

  it('fails on malformed YAML with the file and the line where the quote opened', () => {
    expect(() => parseWorkflowFile(fixture('malformed.yml'), '.github/workflows/malformed.yml')).toThrow(WorkflowSyntaxError)
    try {
      parseWorkflowFile(fixture('malformed.yml'), '.github/workflows/malformed.yml')
    } catch (error) {
      expect((error as WorkflowSyntaxError).line).toBe(10)
      expect((error as Error).message).toMatch(/^\.github\/workflows\/malformed\.yml:10: invalid YAML/)
    }
  })

  it('rejects duplicate keys and non-mapping documents', () => {
    expect(() => parseWorkflowFile(fixture('duplicate-key.yml'), 'd.yml')).toThrow(/d\.yml:8: invalid YAML: Map keys must be unique/)
    expect(() => parseWorkflowFile('- a\n- b\n', 'l.yml')).toThrow(/l\.yml:1: expected a mapping/)
  })

  it('reports structural faults with lines instead of skipping them', () => {
    const file = parseWorkflowFile(fixture('structural-errors.yml'), 's.yml')
    expect(file.problems).toEqual([
      { line: 4, message: 'permission "contents" must be read, write or none' },
      { line: 9, message: '`jobs.build.steps` must be a list of steps' },
      { line: 10, message: 'job "lint" must be a mapping' }
    ])
    expect(parseWorkflowFile('name: x\n', 'n.yml').problems.map(p => p.message)).toEqual(['workflow has no `on:` triggers', 'workflow has no `jobs:` section'])
  })
})

describe('parseUses', () => {
  it('tells actions, reusable workflows, local actions and images apart', () => {
    expect(parseUses('Actions/Checkout@v4')).toMatchObject({ kind: 'action', slug: 'actions/checkout', owner: 'actions', ref: 'v4' })
    expect(parseUses('snyk/actions/node@master')).toMatchObject({ kind: 'action', slug: 'snyk/actions', path: 'node', ref: 'master' })
    expect(parseUses('acme/ci/.github/workflows/build.yml@v1').kind).toBe('reusable')
    expect(parseUses('./.github/actions/x').kind).toBe('local')
    expect(parseUses('docker://alpine:3.19')).toMatchObject({ kind: 'docker', ref: '3.19' })
    expect(parseUses('acme/tool').ref).toBeUndefined()
  })

  it('accepts only full SHAs and sha256 digests as pins', () => {
    expect(isPinned(parseUses('acme/tool@0123456789abcdef0123456789abcdef01234567'))).toBe(true)
    expect(isPinned(parseUses('acme/tool@0123456'))).toBe(false)
    expect(isPinned(parseUses('acme/tool@v1.2.3'))).toBe(false)
    expect(isPinned(parseUses(`docker://ghcr.io/acme/x@sha256:${'b'.repeat(64)}`))).toBe(true)
    expect(isPinned(parseUses('docker://ghcr.io/acme/x:1'))).toBe(false)
  })
})

describe('YAML 1.1 documents', () => {
  it('reads an unquoted `on` key that YAML 1.1 turns into true', () => {
    const file = parseWorkflowFile('%YAML 1.1\n---\non: [pull_request_target]\njobs:\n  a:\n    runs-on: x\n', 'a.yml')
    expect(file.triggers.map(t => t.name)).toEqual(['pull_request_target'])
    expect(file.problems).toEqual([])
  })
})

describe('YAML anchors', () => {
  it('resolves aliased step lists, steps and inputs so rules see the reused content', () => {
    const text = [
      'on: push',
      'permissions: {contents: read}',
      'jobs:',
      '  one:',
      '    runs-on: x',
      '    steps: &shared',
      '      - &login',
      '        uses: aws-actions/configure-aws-credentials@v4',
      '        with: &keys',
      '          aws-access-key-id: ${{ secrets.KEY_ID }}',
      '          aws-secret-access-key: ${{ secrets.KEY }}',
      '  two:',
      '    runs-on: x',
      '    steps: *shared',
      '  three:',
      '    runs-on: x',
      '    steps:',
      '      - *login',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with: *keys'
    ].join('\n')
    const file = parseWorkflowFile(text, 'a.yml')
    expect(file.problems).toEqual([])
    expect(file.jobs.map(j => j.steps.map(s => s.with['aws-secret-access-key']?.line))).toEqual([[11], [11], [11, 11]])
  })
})
