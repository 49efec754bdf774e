import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkMigrations } from '../../../src/rollback-verify/migrations/check.js'
import { fixtureContext } from '../helpers.js'

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rv-mig-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

async function check(files: Record<string, string>, dir = 'db', config = {}) {
  const ws = workspace(files)
  return checkMigrations(fixtureContext(ws), [dir], config)
}

const ids = (findings: Array<{ ruleId: string }>) => [...new Set(findings.map(f => f.ruleId))].sort()

describe('RV-MIG rules', () => {
  it('RV-MIG-001: up without down, but not for a comment-only up', async () => {
    const r = await check({ 'db/1_a.up.sql': 'CREATE TABLE a (id int);', 'db/2_b.up.sql': '-- nothing yet\n' })
    const missing = r.findings.filter(f => f.ruleId === 'RV-MIG-001')
    expect(missing.map(f => f.path)).toEqual(['db/1_a.up.sql'])
    expect(missing[0]?.severity).toBe('medium')
    const strict = await check({ 'db/1_a.up.sql': 'CREATE TABLE a (id int);' }, 'db', { 'missing-down': 'error' })
    expect(strict.findings.find(f => f.ruleId === 'RV-MIG-001')?.severity).toBe('high')
  })

  it('RV-MIG-002: empty down file and empty dbmate down section', async () => {
    const r = await check({ 'db/1_a.up.sql': 'CREATE TABLE a (id int);', 'db/1_a.down.sql': '' })
    expect(ids(r.findings)).toContain('RV-MIG-002')
    const dbmate = await check({ 'db/20240101_a.sql': '-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\n-- TODO\n' })
    const f = dbmate.findings.find(x => x.ruleId === 'RV-MIG-002')
    expect(f?.line).toBe(4)
  })

  it('RV-MIG-002: an emptied or blank up is reported; a comment-only no-op pair is not', async () => {
    const down = 'ALTER TABLE users DROP COLUMN name;\n'
    for (const up of ['', '\n \n']) {
      const r = await check({ 'db/2_add_name.up.sql': up, 'db/2_add_name.down.sql': down })
      const hits = r.findings.filter(f => f.ruleId === 'RV-MIG-002')
      expect(hits.map(f => [f.path, f.line])).toEqual([['db/2_add_name.up.sql', 1]])
      expect(hits[0]?.message).toContain('The up migration of 2 (add_name) is empty (while its down changes the schema)')
    }
    const alone = await check({ 'db/3_x.up.sql': '\n' })
    expect(alone.findings.map(f => [f.ruleId, f.path])).toEqual([['RV-MIG-002', 'db/3_x.up.sql']])
    const commented = await check({ 'db/4_y.up.sql': '-- upgrade: nothing to do\n', 'db/4_y.down.sql': down })
    expect(commented.findings.filter(f => f.ruleId === 'RV-MIG-002').map(f => f.path)).toEqual(['db/4_y.up.sql'])
    const noop = await check({ 'db/5_z.up.sql': '-- nothing\n', 'db/5_z.down.sql': '-- nothing\n' })
    expect(noop.findings.filter(f => f.ruleId === 'RV-MIG-002')).toEqual([])
    const dbmate = await check({ 'db/20240101_a.sql': '-- migrate:up\n\n-- migrate:down\nDROP TABLE a;\n' })
    expect(dbmate.findings.filter(f => f.ruleId === 'RV-MIG-002').map(f => f.line)).toEqual([1])
  })

  it('RV-MIG-001/002/003 on JS tools from the fixtures', async () => {
    const ctx = fixtureContext()
    const knex = await checkMigrations(ctx, ['migrations/knex'], {})
    expect(knex.findings.filter(f => f.ruleId === 'RV-MIG-001').map(f => f.path)).toEqual(['migrations/knex/20240102000000_add_slug.js'])
    expect(knex.findings.filter(f => f.ruleId === 'RV-MIG-002').map(f => f.path)).toEqual(['migrations/knex/20240103000000_backfill.js'])
    const pgm = await checkMigrations(ctx, ['migrations/node-pg-migrate'], {})
    // createTable is auto-reversible in node-pg-migrate: no RV-MIG-001 for it.
    expect(pgm.findings.filter(f => f.ruleId === 'RV-MIG-001')).toEqual([])
    expect(pgm.findings.find(f => f.ruleId === 'RV-MIG-003')?.line).toBe(5)
  })

  it('runs the SQL rules on raw SQL inside JS migrations, knowing builder-created tables', async () => {
    const r = await checkMigrations(fixtureContext(), ['migrations/knex-raw'], {})
    const at = r.findings.map(f => `${f.ruleId}@${f.line}`).sort()
    // orders is created by the builder: its index is fine; users.legacy_flag is dropped at line 8; the
    // interpolated UPDATE is dynamic and skipped; builder-only work is not compared by RV-MIG-004.
    expect(at).toEqual(['RV-SQL-002@8', 'RV-SQL-017@8'])
    const withDown = await checkMigrations(fixtureContext(), ['migrations/knex-raw'], { 'check-down': true })
    expect(withDown.findings.map(f => `${f.ruleId}@${f.line}`)).toContain('RV-SQL-012@15')
  })

  it('RV-MIG-004: down that leaves objects behind or does not restore them', async () => {
    const r = await check({
      'db/1_a.up.sql': 'CREATE TABLE a (id int); ALTER TABLE b ADD COLUMN c int;',
      'db/1_a.down.sql': 'DROP TABLE a;',
      'db/2_b.up.sql': 'ALTER TABLE b DROP COLUMN d;',
      'db/2_b.down.sql': 'SELECT 1;',
      'db/3_c.up.sql': 'ALTER TABLE b ADD COLUMN e int;',
      'db/3_c.down.sql': 'ALTER TABLE b DROP COLUMN e;'
    })
    const hits = r.findings.filter(f => f.ruleId === 'RV-MIG-004')
    expect(hits.map(f => f.path)).toEqual(['db/1_a.down.sql', 'db/2_b.down.sql'])
    expect(hits[0]?.message).toContain('column:b.c')
    expect(hits[1]?.message).toContain('does not recreate column:b.d')
  })

  it('RV-MIG-007 duplicate versions and RV-MIG-009 orphan downs', async () => {
    const r = await check({
      'db/1_a.up.sql': 'CREATE TABLE a (id int);',
      'db/1_a.down.sql': 'DROP TABLE a;',
      'db/01_b.up.sql': 'CREATE TABLE b (id int);',
      'db/01_b.down.sql': 'DROP TABLE b;',
      'db/5_gone.down.sql': 'DROP TABLE gone;'
    })
    expect(r.findings.filter(f => f.ruleId === 'RV-MIG-007')).toHaveLength(1)
    expect(r.findings.find(f => f.ruleId === 'RV-MIG-009')?.path).toBe('db/5_gone.down.sql')
  })

  it('RV-MIG-010 once for Prisma, RV-MIG-014 once for a non-PostgreSQL file', async () => {
    const prisma = await checkMigrations(fixtureContext(), ['migrations/prisma'], {})
    expect(prisma.findings.filter(f => f.ruleId === 'RV-MIG-010')).toHaveLength(1)
    expect(prisma.findings.filter(f => f.ruleId === 'RV-MIG-001')).toEqual([])
    // The Prisma warning case: required column without default on an existing table.
    expect(prisma.findings.find(f => f.ruleId === 'RV-SQL-008')?.line).toBe(6)
    const mysql = await check({ 'db/1_a.up.sql': 'CREATE TABLE `a` (id INT AUTO_INCREMENT) ENGINE=InnoDB;\n', 'db/1_a.down.sql': 'DROP TABLE `a`;' })
    expect(mysql.findings.filter(f => f.ruleId === 'RV-MIG-014')).toHaveLength(2)
    expect(mysql.findings.every(f => f.ruleId === 'RV-MIG-014')).toBe(true)
    expect(mysql.errors).toEqual([])
  })

  it('RV-MIG-014 names templating and reports a file once even when both sections fail', async () => {
    const tpl = await check({ 'db/1_a.up.sql': 'ALTER TABLE {{ index .Options "Namespace" }}.users ADD COLUMN x int;', 'db/1_a.down.sql': 'ALTER TABLE users DROP COLUMN x;' })
    const f = tpl.findings.filter(x => x.ruleId === 'RV-MIG-014')
    expect(f).toHaveLength(1)
    expect(f[0]?.message).toMatch(/template placeholders/)
    const dbmate = await check({ 'db/20240101_a.sql': '-- migrate:up\nCREATE TABLE `a` (id INT);\n-- migrate:down\nDROP TABLE `a`;\n' })
    expect(dbmate.findings.filter(x => x.ruleId === 'RV-MIG-014').map(x => x.line)).toEqual([2])
  })

  it('RV-MIG-012 follows each tool\'s transaction mode', async () => {
    const golang = await check({ 'db/1_a.up.sql': 'SET lock_timeout = 1;\nCREATE INDEX CONCURRENTLY i ON t (x);', 'db/1_a.down.sql': 'DROP INDEX CONCURRENTLY i;' })
    expect(golang.findings.find(f => f.ruleId === 'RV-MIG-012')?.line).toBe(2)
    const alone = await check({ 'db/1_a.up.sql': 'CREATE INDEX CONCURRENTLY i ON t (x);', 'db/1_a.down.sql': 'DROP INDEX CONCURRENTLY i;' })
    expect(ids(alone.findings)).not.toContain('RV-MIG-012')
    const ctx = fixtureContext()
    const dbmate = await checkMigrations(ctx, ['migrations/dbmate'], {})
    // transaction:false on the up section: fine; the plain down is RV-SQL-012, not RV-MIG-012.
    expect(ids(dbmate.findings)).not.toContain('RV-MIG-012')
    const wrapped = await check({ 'db/20240101_a.sql': '-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (x);\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n' })
    expect(wrapped.findings.filter(f => f.ruleId === 'RV-MIG-012').map(f => f.line)).toEqual([2, 4])
    const flywayAlone = await check({ 'db/V1__i.sql': 'CREATE INDEX CONCURRENTLY i ON t (x);' })
    expect(ids(flywayAlone.findings)).not.toContain('RV-MIG-012')
    const flywayMixed = await check({ 'db/V1__i.sql': 'CREATE TABLE z (id int);\nCREATE INDEX CONCURRENTLY i ON t (x);' })
    expect(ids(flywayMixed.findings)).toContain('RV-MIG-012')
  })

  it('honours inline ignores with a reason and reports those without', async () => {
    const r = await check({
      'db/1_a.up.sql': "SET lock_timeout = '1s';\n-- rollback-verify-ignore RV-SQL-002 column unused since v41\nALTER TABLE a DROP COLUMN b;\n-- rollback-verify-ignore RV-SQL-001\nDROP TABLE c;\n",
      'db/1_a.down.sql': 'ALTER TABLE a ADD COLUMN b int; CREATE TABLE c (id int);'
    })
    expect(r.findings.find(f => f.ruleId === 'RV-SQL-002')?.suppressed?.reason).toBe('column unused since v41')
    expect(r.findings.find(f => f.ruleId === 'RV-SQL-001')?.suppressed).toBeUndefined()
    expect(r.notices.join('\n')).toMatch(/without a reason/)
  })
})

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' })
}

describe('expand-contract rules with a base ref (real git)', () => {
  it('RV-MIG-005/006/008/011 compare HEAD with the base branch', async () => {
    const ws = workspace({
      'db/0002_users.up.sql': 'CREATE TABLE users (id int, email text);',
      'db/0002_users.down.sql': 'DROP TABLE users;',
      'src/app.ts': 'export const v = 1\n',
      'README.md': '# x\n'
    })
    git(ws, 'init', '-q', '-b', 'main')
    git(ws, 'add', '.')
    git(ws, 'commit', '-q', '-m', 'base')
    git(ws, 'checkout', '-q', '-b', 'feature')
    writeFileSync(join(ws, 'db/0003_drop_email.up.sql'), "SET lock_timeout = '1s';\nALTER TABLE users DROP COLUMN email;\n")
    writeFileSync(join(ws, 'db/0003_drop_email.down.sql'), 'ALTER TABLE users ADD COLUMN email text;\n')
    writeFileSync(join(ws, 'db/0001_early.up.sql'), 'CREATE TABLE early (id int);\n')
    writeFileSync(join(ws, 'db/0001_early.down.sql'), 'DROP TABLE early;\n')
    writeFileSync(join(ws, 'db/0002_users.up.sql'), 'CREATE TABLE users (id int, email text, name text);')
    writeFileSync(join(ws, 'src/app.ts'), 'export const v = 2\n')
    writeFileSync(join(ws, 'README.md'), '# y\n')
    git(ws, 'add', '.')
    git(ws, 'commit', '-q', '-m', 'feature')
    const r = await checkMigrations(fixtureContext(ws), ['db'], {}, 'main')
    expect(r.errors).toEqual([])
    const by = (id: string) => r.findings.filter(f => f.ruleId === id).map(f => `${f.path}:${f.line}`).sort()
    expect(by('RV-MIG-005')).toEqual([
      'db/0001_early.down.sql:1',
      'db/0001_early.up.sql:1',
      'db/0002_users.up.sql:1',
      'db/0003_drop_email.down.sql:1',
      'db/0003_drop_email.up.sql:1'
    ])
    expect(by('RV-MIG-005')).toContain('db/0003_drop_email.up.sql:1')
    expect(by('RV-MIG-006')).toEqual(['db/0003_drop_email.up.sql:2'])
    expect(by('RV-MIG-008')).toEqual(['db/0001_early.up.sql:1'])
    expect(by('RV-MIG-011')).toEqual(['db/0002_users.up.sql:1'])
    // README-only changes would not count as application code.
    expect(r.findings.find(f => f.ruleId === 'RV-MIG-005')?.message).toContain('src/app.ts')
    expect(r.findings.find(f => f.ruleId === 'RV-MIG-005')?.message).not.toContain('README.md')
    // app-paths narrows what counts as application code.
    const narrowed = await checkMigrations(fixtureContext(ws), ['db'], { 'app-paths': ['lib/**'] }, 'main')
    expect(narrowed.findings.filter(f => f.ruleId === 'RV-MIG-005' || f.ruleId === 'RV-MIG-006')).toEqual([])
    expect(narrowed.findings.filter(f => f.ruleId === 'RV-MIG-008')).toHaveLength(1)
  })

  it('fails closed on an unknown base ref', async () => {
    const ws = workspace({ 'db/1_a.up.sql': 'CREATE TABLE a (id int);' })
    git(ws, 'init', '-q', '-b', 'main')
    git(ws, 'add', '.')
    git(ws, 'commit', '-q', '-m', 'base')
    const r = await checkMigrations(fixtureContext(ws), ['db'], {}, 'origin/nope')
    expect(r.errors[0]?.message).toMatch(/git diff failed.*fetch-depth/)
    const bad = await checkMigrations(fixtureContext(ws), ['db'], {}, '--output=/tmp/x')
    expect(bad.errors[0]?.message).toMatch(/not a valid git revision/)
  })
})
