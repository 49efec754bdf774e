import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'
import { FIXTURES } from './helpers.js'

const demo = resolve(import.meta.dirname, '../../examples/demo-app')

interface Doc {
  command: string
  verdict: string
  findings: Array<{ ruleId: string; path: string; line: number; severity: string }>
  errors: Array<{ path: string; message: string }>
}

describe('deploy-gates rollback-verify (CLI end to end)', () => {
  it('passes the demo app: pinned rolling deployment, paired migrations (one lock_timeout warning)', async () => {
    const run = await runCli(['rollback-verify', '--format', 'json', '-C', demo])
    const doc = JSON.parse(run.stdout) as Doc
    expect(doc.command).toBe('rollback-verify')
    expect(doc.errors).toEqual([])
    expect(doc.verdict).toBe('pass')
    expect(run.code).toBe(0)
    expect(doc.findings.filter(f => f.ruleId.startsWith('RV-')).map(f => `${f.ruleId}@${f.path}:${f.line}`)).toEqual(['RV-SQL-017@db/migrations/000002_add_users_name.up.sql:1'])
  })

  it('fails (exit 1) on manifests that cannot be rolled back', async () => {
    const run = await runCli(['rollback-verify', 'check', '--format', 'json', '-C', FIXTURES, 'k8s/bad.yaml', '--migrations', 'migrations/golang-migrate'])
    const doc = JSON.parse(run.stdout) as Doc
    expect(doc.verdict).toBe('fail')
    expect(run.code).toBe(1)
    expect(doc.findings.some(f => f.ruleId === 'RV-K8S-001' && f.severity === 'high')).toBe(true)
  })

  it('errors (exit 2) on a missing path or migrations directory, never passes', async () => {
    const missing = await runCli(['rollback-verify', '--format', 'json', '-C', FIXTURES, 'k8s/nope.yaml', '--migrations', 'migrations/nope'])
    expect(missing.code).toBe(2)
    const doc = JSON.parse(missing.stdout) as Doc
    expect(doc.verdict).toBe('error')
    expect(doc.errors.map(e => e.path).sort()).toEqual(['k8s/nope.yaml', 'migrations/nope'])
  })
})
