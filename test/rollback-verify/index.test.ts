import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { command } from '../../src/cli/commands/rollback-verify.js'
import { ConfigError, UserError } from '../../src/core/errors.js'
import { ANALYZE_KEYS } from '../../src/rollback-verify/analyze/options.js'
import { runRollbackVerify } from '../../src/rollback-verify/index.js'
import { fixtureContext } from './helpers.js'

const ctx = fixtureContext()

describe('runRollbackVerify check', () => {
  it('combines manifests, ECS and migrations into one result with summary sections', async () => {
    const r = await runRollbackVerify(ctx, { mode: 'check', paths: ['k8s/bad.yaml', 'ecs/service.json'], migrationsDir: 'migrations/flyway' })
    expect(r.command).toBe('rollback-verify')
    expect(r.errors).toEqual([])
    const ids = new Set(r.findings.map(f => f.ruleId))
    for (const id of ['RV-K8S-001', 'RV-AN-002', 'RV-ECS-002', 'RV-MIG-001', 'RV-SQL-002']) expect(ids.has(id)).toBe(true)
    expect(r.inputs).toContain('migrations/flyway/V2__drop_owner.sql')
    expect(r.sections?.map(s => s.title)).toEqual(['Deployment strategies', 'Migrations'])
    expect(r.sections?.[1]?.markdown).toContain('| migrations/flyway | flyway | 3 | 1 | yes |')
    for (const f of r.findings) {
      expect(f.source).toBe('rollback-verify')
      expect(f.line).toBeGreaterThanOrEqual(1)
      expect(f.fix).toBeTruthy()
    }
  })

  it('discovers migration directories when none is named', async () => {
    const r = await runRollbackVerify(ctx, { mode: 'check', paths: ['migrations'] })
    const dirs = r.sections?.find(s => s.title === 'Migrations')?.markdown ?? ''
    for (const tool of ['golang-migrate', 'dbmate', 'flyway', 'sqitch', 'prisma', 'knex', 'node-pg-migrate', 'numbered-sql']) expect(dirs).toContain(`| ${tool} |`)
    expect(r.errors).toEqual([])
  })

  it('fails closed when there is nothing to check', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rv-empty-'))
    writeFileSync(join(empty, 'README.md'), '# nothing\n')
    const r = await runRollbackVerify(fixtureContext(empty), { mode: 'check', paths: [] })
    expect(r.errors[0]?.message).toMatch(/nothing to check/)
  })

  it('validates the rollback-verify config section with file and line', async () => {
    const bad = fixtureContext(undefined, 'rollback-verify:\n  gitops: true\n  severty: {}\n')
    await expect(runRollbackVerify(bad, { mode: 'check', paths: ['k8s/good.yaml'] })).rejects.toThrow(ConfigError)
    await expect(runRollbackVerify(bad, { mode: 'check', paths: ['k8s/good.yaml'] })).rejects.toThrow(/deploy-gates\.yml:\d+: .*unknown key "severty"/)
    const good = fixtureContext(undefined, 'rollback-verify:\n  disable: [RV-K8S-001]\n  migrations: migrations/golang-migrate\n')
    const r = await runRollbackVerify(good, { mode: 'check', paths: ['k8s/bad.yaml'] })
    expect(r.findings.some(f => f.ruleId === 'RV-K8S-001')).toBe(false)
    expect(r.inputs).toContain('migrations/golang-migrate/000001_create_users.up.sql')
  })

  it('analyze mode refuses an analysis that can never fail before touching the network', async () => {
    await expect(
      runRollbackVerify(ctx, { mode: 'analyze', paths: [], inputs: { 'prometheus-url': 'http://127.0.0.1:9', query: 'up' } })
    ).rejects.toThrow(/success-condition or failure-condition is required/)
  })
})

describe('CLI rollback-verify', () => {
  it('parses the mode, paths and flags', async () => {
    const r = await command.run(['check', 'k8s/good.yaml'], { migrations: 'migrations/golang-migrate' }, ctx)
    expect(r.inputs).toContain('k8s/good.yaml')
    expect(r.inputs).toContain('migrations/golang-migrate/000002_add_name.up.sql')
    // Default mode is check: a path as first argument is not a mode.
    const d = await command.run(['k8s/good.yaml'], { migrations: 'migrations/golang-migrate' }, ctx)
    expect(d.findings.map(f => f.ruleId)).toEqual(r.findings.map(f => f.ruleId))
  })

  it('rejects unknown flags and analyze flags outside analyze', async () => {
    await expect(command.run(['check'], { 'base-reff': 'main' }, ctx)).rejects.toThrow(/unknown option --base-reff/)
    await expect(command.run(['check'], { query: 'up' }, ctx)).rejects.toThrow(UserError)
    await expect(command.run(['check'], { seed: true }, ctx)).rejects.toThrow(/--seed only applies to drill/)
  })
})

describe('actions/rollback-verify/action.yml', () => {
  const action = parse(readFileSync(resolve(import.meta.dirname, '../../actions/rollback-verify/action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }
  it('declares every input the adapter reads, each with a description', () => {
    const needed = ['mode', 'paths', 'migrations-dir', 'base-ref', 'database-url', 'seed', ...ANALYZE_KEYS, 'fail-on', 'config', 'working-directory', 'sarif-file', 'result-file']
    for (const name of needed) expect(action.inputs[name]?.description, name).toBeTruthy()
    const adapter = readFileSync(resolve(import.meta.dirname, '../../src/actions/rollback-verify.ts'), 'utf8')
    const read = [...adapter.matchAll(/(?:getInput|listInput)\('([^']+)'\)/g)].map(m => m[1] ?? '')
    expect(read).toContain('migrations-dir')
    for (const name of read) expect(action.inputs[name], name).toBeDefined()
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/rollback-verify/index.js' })
    for (const name of ['verdict', 'counts', 'sarif-file', 'result-file']) expect(action.outputs[name]?.description).toBeTruthy()
  })
})

describe('drill dispatch', () => {
  it('hands the migration directory to the drill (PGlite)', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-drill-'))
    mkdirSync(join(dir, 'db'))
    writeFileSync(join(dir, 'db/1_t.up.sql'), 'CREATE TABLE t (id int);')
    writeFileSync(join(dir, 'db/1_t.down.sql'), 'DROP TABLE t;')
    writeFileSync(join(dir, 'db/2_c.up.sql'), 'ALTER TABLE t ADD COLUMN c int;')
    writeFileSync(join(dir, 'db/2_c.down.sql'), 'SELECT 1;') // does not revert: RV-DRILL-004
    const r = await runRollbackVerify(fixtureContext(dir), { mode: 'drill', paths: [], migrationsDir: 'db' })
    expect(r.errors).toEqual([])
    expect(r.findings.map(f => f.ruleId)).toContain('RV-DRILL-004')
  })
})
