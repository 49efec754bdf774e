/**
 * Paths from arguments, globs and the config file cannot make the tool read
 * outside the workspace unless --allow-outside is given (issue 8): `../x.json`,
 * an absolute path, a glob reaching up, a symbolic link (file or directory),
 * a baseline, and the config's gates.reports. Outputs never overwrite inputs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliRetrying as runCli } from './cli-judge.js'

interface Result {
  verdict: string
  errors: Array<{ path: string; message: string }>
  findings: unknown[]
  inputs: string[]
}

const TRIVY = JSON.stringify({
  SchemaVersion: 2,
  ArtifactName: '.',
  ArtifactType: 'filesystem',
  Results: [{ Target: 'package-lock.json', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [{ VulnerabilityID: 'CVE-2024-0001', PkgName: 'x', InstalledVersion: '1.0.0', Severity: 'HIGH', Title: 't' }] }]
})

let root: string
let ws: string
let outside: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-paths-'))
  ws = join(root, 'repo')
  outside = join(root, 'outside')
  mkdirSync(join(ws, 'reports'), { recursive: true })
  mkdirSync(outside, { recursive: true })
  writeFileSync(join(outside, 'trivy.json'), TRIVY)
  writeFileSync(join(ws, 'reports', 'inside.json'), TRIVY)
  symlinkSync(join(outside, 'trivy.json'), join(ws, 'reports', 'link.json'))
  symlinkSync(outside, join(ws, 'linked-dir'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function gates(...args: string[]): Promise<{ code: number; result: Result; stderr: string }> {
  const run = await runCli(['gates', '--format', 'json', '-C', ws, ...args])
  return { code: run.code, result: JSON.parse(run.stdout) as Result, stderr: run.stderr }
}

function refusedOutside(result: Result): boolean {
  return result.verdict === 'error' && result.errors.some(e => /outside the workspace|outside/.test(e.message)) && result.inputs.length === 0
}

describe('gates: report paths outside the workspace', () => {
  const cases: Array<[string, () => string]> = [
    ['a relative path going up (../outside/trivy.json)', () => '../outside/trivy.json'],
    ['an absolute path outside', () => join(outside, 'trivy.json')],
    ['/etc/passwd', () => '/etc/passwd'],
    ['a path that climbs out and back in (reports/../../outside/trivy.json)', () => 'reports/../../outside/trivy.json'],
    ['a symbolic link to a file outside', () => 'reports/link.json'],
    ['a file under a symbolic link to a directory outside', () => 'linked-dir/trivy.json']
  ]

  it.each(cases)('%s is refused with a message naming the path', async (_label, path) => {
    const { code, result } = await gates(path())
    expect(code).toBe(2)
    expect(refusedOutside(result), JSON.stringify(result.errors)).toBe(true)
  })

  it.each(cases.filter(([label]) => label !== '/etc/passwd'))('%s is read with --allow-outside', async (_label, path) => {
    const { result } = await gates('--allow-outside', path())
    expect(result.verdict).toBe('fail')
    expect(result.findings).toHaveLength(1)
  })

  it('/etc/passwd with --allow-outside is read, and fails closed as "not a report"', async () => {
    const { result } = await gates('--allow-outside', '/etc/passwd')
    expect(result.verdict).toBe('error')
    expect(result.errors[0]!.message).toMatch(/not a JSON report|no known report shape|invalid JSON/)
  })

  it('a glob reaching up (../outside/*.json) reads nothing outside', async () => {
    const { result } = await gates('../outside/*.json')
    expect(result.verdict).toBe('error')
    expect(result.inputs).toEqual([])
  })

  it('a glob through a directory symlink (linked-dir/*.json) reads nothing outside', async () => {
    const { result } = await gates('linked-dir/*.json')
    expect(result.verdict).toBe('error')
    expect(result.inputs).toEqual([])
  })

  it('a baseline outside the workspace is refused', async () => {
    const { result } = await gates('--baseline', '../outside/trivy.json', '--new-only', 'reports/inside.json')
    expect(result.verdict).toBe('error')
    expect(result.errors.some(e => e.path.includes('outside') && /outside the workspace/.test(e.message))).toBe(true)
  })

  it('gates.reports in the config file cannot reach outside either', async () => {
    mkdirSync(join(ws, '.github'), { recursive: true })
    writeFileSync(join(ws, '.github', 'deploy-gates.yml'), 'gates:\n  reports: ["../outside/trivy.json", "reports/link.json"]\n')
    try {
      const { result } = await gates()
      expect(result.verdict).toBe('error')
      expect(result.inputs).toEqual([])
      expect(result.errors.filter(e => /outside the workspace/.test(e.message))).toHaveLength(2)
    } finally {
      rmSync(join(ws, '.github'), { recursive: true, force: true })
    }
  })

  it('an output file that is one of the inputs is refused and the input is left intact', async () => {
    const before = readFileSync(join(ws, 'reports', 'inside.json'))
    const { code, result } = await gates('--output', 'reports/inside.json', 'reports/inside.json')
    expect(code).toBe(2)
    expect(result.errors[0]!.message).toMatch(/refusing to write output over an input file/)
    expect(readFileSync(join(ws, 'reports', 'inside.json'))).toEqual(before)
  })
})

describe('linters: input paths outside the workspace', () => {
  const linters: Array<[string, string[], string]> = [
    ['container-lint', ['container-lint'], 'Dockerfile'],
    ['oidc-guard audit', ['oidc-guard', 'audit'], 'ci.yml'],
    ['oidc-guard trust-policies', ['oidc-guard', 'trust-policies'], 'trust.json'],
    ['rollback-verify check', ['rollback-verify', 'check'], 'deploy.yaml']
  ]

  beforeAll(() => {
    writeFileSync(join(outside, 'Dockerfile'), 'FROM ubuntu:latest\nUSER root\n')
    writeFileSync(join(outside, 'ci.yml'), 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n')
    writeFileSync(join(outside, 'trust.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } } }] }))
    writeFileSync(join(outside, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  strategy: {type: Recreate}\n  template:\n    spec:\n      containers: [{name: c, image: "nginx:latest"}]\n')
  })

  it.each(linters)('%s refuses ../outside/<file> and an absolute path outside', async (_name, command, file) => {
    for (const path of [`../outside/${file}`, join(outside, file)]) {
      const run = await runCli([...command, '--format', 'json', '-C', ws, path])
      const result = JSON.parse(run.stdout) as Result
      expect(run.stdout).not.toMatch(/internal error/)
      // Refused = an error or the linter's X-000 "cannot read" finding saying why, and no finding computed
      // from the outside file's content.
      const findings = result.findings as Array<{ ruleId?: string; message?: string }>
      const readFindings = findings.filter(f => /-000$/.test(f.ruleId ?? ''))
      expect(findings.filter(f => !/-000$/.test(f.ruleId ?? '')), path).toEqual([])
      const said = JSON.stringify([...result.errors, ...readFindings])
      expect(result.verdict === 'error' || readFindings.length > 0, `${path}: ${said}`).toBe(true)
      expect(said).toMatch(/outside the workspace/)
    }
  })
})
