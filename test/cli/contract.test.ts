import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

const demo = resolve('examples/demo-app')

function json(stdout: string): { command: string; verdict: string; counts: Record<string, number>; findings: Array<Record<string, unknown>>; errors: Array<{ path: string; message: string }> } {
  return JSON.parse(stdout) as ReturnType<typeof json>
}

describe('CLI contract', () => {
  it('prints help and exits 0', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/usage: deploy-gates <command>/)
  })

  it('exits 2 on an unknown command, option or severity', async () => {
    expect((await runCli(['deploy'])).code).toBe(2)
    expect((await runCli(['gates', '--fial-on', 'high', 'x.json'])).code).toBe(2)
    const bad = await runCli(['gates', '--fail-on', 'hihg', 'x.json'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--fail-on: "hihg" is not a severity/)
  })

  it('a missing report is verdict error, exit 2, one JSON document naming the file', async () => {
    const run = await runCli(['gates', '--format', 'json', '-C', demo, 'reports/nope.json'])
    expect(run.code).toBe(2)
    const doc = json(run.stdout)
    expect(doc.verdict).toBe('error')
    expect(doc.errors).toEqual([{ path: 'reports/nope.json', message: 'file not found' }])
  })

  it('a glob that matches nothing fails closed unless allowed', async () => {
    const run = await runCli(['gates', '--format', 'json', '-C', demo, 'reports/*.sarif'])
    expect(run.code).toBe(2)
    expect(json(run.stdout).errors[0]!.message).toMatch(/matched no file/)
  })

  it('an invalid config file is exit 2 naming file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'))
    writeFileSync(join(dir, 'bad.yml'), 'policy:\n  fail-on: sometimes\n')
    const run = await runCli(['gates', '-C', dir, '--config', 'bad.yml', 'x.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/bad\.yml:2: policy\.fail-on: must be one of/)
  })

  it('gates over the demo reports follows the JSON contract', async () => {
    const run = await runCli(['gates', '--format', 'json', '-C', demo, 'reports/trivy-fs.json', 'reports/gitleaks.json'])
    const doc = json(run.stdout)
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['command', 'verdict', 'counts', 'findings', 'errors']))
    expect(doc.command).toBe('gates')
    // trivy-fs.json: 1 HIGH (suppressed in the demo config), 2 MEDIUM; gitleaks.json: [] (clean)
    expect(doc.counts).toEqual({ critical: 0, high: 0, medium: 2, low: 0, info: 0 })
    expect(doc.verdict).toBe('pass')
    expect(run.code).toBe(0)
    const suppressed = doc.findings.filter(f => f.suppressed)
    expect(suppressed.map(f => f.ruleId)).toEqual(['CVE-2024-21538'])
  })

  it('--fail-on medium blocks the same reports with exit 1, and --output never overwrites an input', async () => {
    const run = await runCli(['gates', '--fail-on', 'medium', '-C', demo, 'reports/trivy-fs.json'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/FAIL gates/)
    const before = readFileSync(join(demo, 'reports/trivy-fs.json'), 'utf8')
    const clash = await runCli(['gates', '-C', demo, '--output', 'reports/trivy-fs.json', 'reports/trivy-fs.json'])
    expect(clash.code).toBe(2)
    expect(readFileSync(join(demo, 'reports/trivy-fs.json'), 'utf8')).toBe(before)
  })

  it('writes SARIF with --format sarif', async () => {
    const run = await runCli(['gates', '--format', 'sarif', '-C', demo, 'reports/trivy-fs.json'])
    const log = JSON.parse(run.stdout) as { version: string; runs: Array<{ results: unknown[] }> }
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0]!.results).toHaveLength(3)
  })
})
