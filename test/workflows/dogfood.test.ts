import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const ROOT = join(import.meta.dirname, '../..')

// deploy-gates holds itself to its own rules: its workflows, actions and
// example must be clean at the strictest threshold (.github/deploy-gates.yml).
describe('dogfooding', () => {
  it('oidc-guard audit of this repository finds nothing', async () => {
    const run = await runCli(['oidc-guard', 'audit', '--format', 'json', '-C', ROOT, '.'])
    const doc = JSON.parse(run.stdout) as { verdict: string; findings: Array<{ ruleId: string; path: string; line: number }>; inputs: string[] }
    expect(doc.findings.map(f => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([])
    expect(doc.inputs).toEqual(expect.arrayContaining(['.github/workflows/security-gates.yml', '.github/workflows/ci.yml', 'action.yml']))
    expect(doc.verdict).toBe('pass')
  })

  it('container-lint of this repository finds nothing', async () => {
    const run = await runCli(['container-lint', '--format', 'json', '-C', ROOT, '.'])
    const doc = JSON.parse(run.stdout) as { verdict: string; findings: Array<{ ruleId: string; path: string }>; inputs: string[] }
    expect(doc.findings.map(f => `${f.ruleId} ${f.path}`)).toEqual([])
    expect(doc.inputs).toEqual(expect.arrayContaining(['examples/demo-app/Dockerfile', 'examples/demo-app/k8s/deployment.yaml']))
    expect(doc.verdict).toBe('pass')
  })
})
