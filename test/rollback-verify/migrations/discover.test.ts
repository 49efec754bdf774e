import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoverMigrations } from '../../../src/rollback-verify/migrations/discover.js'
import { readJsMigration } from '../../../src/rollback-verify/migrations/js-migration.js'
import { compareVersions } from '../../../src/rollback-verify/migrations/version.js'
import { fixtureContext } from '../helpers.js'

const ctx = fixtureContext()

describe('discoverMigrations', () => {
  it('pairs golang-migrate up/down files by version', async () => {
    const set = await discoverMigrations(ctx, 'migrations/golang-migrate')
    expect(set.tool).toBe('golang-migrate')
    expect(set.errors).toEqual([])
    expect(set.migrations.map(m => [m.version, m.name, !!m.up, !!m.down])).toEqual([
      ['000001', 'create_users', true, true],
      ['000002', 'add_name', true, true],
      ['000003', 'index_name', true, true]
    ])
    const first = set.migrations[0]!
    expect(first.up?.path).toBe('migrations/golang-migrate/000001_create_users.up.sql')
    expect(first.up?.startLine).toBe(1)
    expect(first.down?.sql).toContain('DROP TABLE users')
    expect(first.transactional).toBe(false)
  })

  it('splits dbmate sections with their start lines and transaction mode', async () => {
    const set = await discoverMigrations(ctx, 'migrations/dbmate')
    expect(set.tool).toBe('dbmate')
    const [orders, index] = set.migrations
    expect(orders?.up?.startLine).toBe(2)
    expect(orders?.up?.sql).toContain('CREATE TABLE orders')
    expect(orders?.up?.sql).not.toContain('DROP TABLE')
    expect(orders?.down?.startLine).toBe(8)
    expect(orders?.down?.sql.trim()).toBe('DROP TABLE orders;')
    expect(orders?.transactional).toBe(true)
    expect(index?.transactional).toBe(false)
    expect(index?.downTransactional).toBe(true)
  })

  it('orders Flyway versions numerically and pairs U with V', async () => {
    const set = await discoverMigrations(ctx, 'migrations/flyway')
    expect(set.tool).toBe('flyway')
    expect(set.migrations.map(m => [m.version, !!m.up, !!m.down])).toEqual([
      ['1', true, true],
      ['1.1', true, false],
      ['2', true, false]
    ])
    expect(set.migrations.every(m => m.transactional)).toBe(true)
  })

  it('follows sqitch.plan order and pairs deploy with revert', async () => {
    const set = await discoverMigrations(ctx, 'migrations/sqitch')
    expect(set.tool).toBe('sqitch')
    expect(set.migrations.map(m => [m.name, !!m.up, !!m.down])).toEqual([
      ['widgets', true, true],
      ['gadgets', true, false]
    ])
  })

  it('detects Prisma, knex, node-pg-migrate and numbered SQL', async () => {
    const prisma = await discoverMigrations(ctx, 'migrations/prisma')
    expect(prisma.tool).toBe('prisma')
    expect(prisma.migrations.map(m => m.name)).toEqual(['init', 'add_email'])
    const knex = await discoverMigrations(ctx, 'migrations/knex')
    expect(knex.tool).toBe('knex')
    expect(knex.migrations.map(m => [m.name, !!m.down])).toEqual([
      ['create_posts', true],
      ['add_slug', false],
      ['backfill', true]
    ])
    expect(knex.migrations[2]?.js?.downEmpty).toBe(true)
    const pgm = await discoverMigrations(ctx, 'migrations/node-pg-migrate')
    expect(pgm.tool).toBe('node-pg-migrate')
    expect(pgm.migrations[1]?.js?.downDisabled).toBe(true)
    const numbered = await discoverMigrations(ctx, 'migrations/numbered')
    expect(numbered.tool).toBe('numbered-sql')
    expect(numbered.migrations).toHaveLength(2)
  })

  it('fails closed on a missing or unrecognised directory', async () => {
    const missing = await discoverMigrations(ctx, 'migrations/nope')
    expect(missing.errors[0]?.message).toMatch(/not found/)
    const dir = mkdtempSync(join(tmpdir(), 'rv-disc-'))
    writeFileSync(join(dir, 'README.md'), 'hello')
    const unknown = await discoverMigrations(fixtureContext(dir), '.')
    expect(unknown.errors[0]?.message).toMatch(/no migration files recognised/)
  })

  it('keeps an empty down file (a finding, not an input error) and duplicate versions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rv-disc-'))
    mkdirSync(join(dir, 'm'))
    writeFileSync(join(dir, 'm/1_a.up.sql'), 'CREATE TABLE a (id int);')
    writeFileSync(join(dir, 'm/1_a.down.sql'), '')
    writeFileSync(join(dir, 'm/01_b.up.sql'), 'CREATE TABLE b (id int);')
    const set = await discoverMigrations(fixtureContext(dir), 'm')
    expect(set.errors).toEqual([])
    expect(set.migrations).toHaveLength(2)
    expect(set.migrations.find(m => m.name === 'a')?.down?.text).toBe('')
  })
})

describe('readJsMigration', () => {
  it('finds up/down in every export style and judges the down body', () => {
    const cjsObject = readJsMigration('const up = async knex => {}\nmodule.exports = {\n  up,\n  down\n}\n')
    expect(cjsObject.upLine).toBe(2)
    expect(cjsObject.downLine).toBe(2)
    const esm = readJsMigration('export async function up(knex) {\n  await knex.schema.createTable("a", t => t.increments())\n}\n\nexport async function down(knex) {\n  throw new Error("irreversible")\n}\n')
    expect([esm.upLine, esm.downLine, esm.downThrows, esm.downEmpty]).toEqual([1, 5, true, false])
    const empty = readJsMigration('exports.up = pgm => { pgm.createTable("t", {}) }\nexports.down = pgm => {}\n')
    expect([empty.downEmpty, empty.usesPgm]).toEqual([true, true])
    expect(readJsMigration('exports.up = () => {}\nexports.down = false\n').downDisabled).toBe(true)
    expect(readJsMigration('export const up = () => {}\nexport const config = { transaction: false }\n').noTransaction).toBe(true)
  })
})

describe('compareVersions', () => {
  it('compares numerically part by part', () => {
    expect(compareVersions('9', '10')).toBeLessThan(0)
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0)
    expect(compareVersions('0001', '1')).toBe(0)
    expect(compareVersions('20240101120000', '20240101120001')).toBeLessThan(0)
  })
})
