import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintOf } from '../../../src/core/finding.js'
import type { ScanResult } from '../../../src/core/result.js'
import { runDrill } from '../../../src/rollback-verify/drill/run.js'
import { postgresTestMode, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { drillContext, FIXTURES } from './helpers.js'

/**
 * The same drill suite on both engines: embedded PGlite (default) and a real PostgreSQL
 * server started for the test run (database-url mode).
 */
const postgres = postgresTestMode()
const engines = [
  { engine: 'pglite' as const, skip: false },
  { engine: 'postgres' as const, skip: !postgres.run }
]

const ids = (r: ScanResult) => r.findings.map(f => f.ruleId).sort()
const only = (r: ScanResult, id: string) => r.findings.filter(f => f.ruleId === id)

describe.each(engines)('migration drill on $engine', ({ engine, skip }) => {
  let server: PostgresServer | undefined
  let databaseUrl: string | undefined
  beforeAll(async () => {
    if (engine !== 'postgres' || skip) return
    server = await startPostgres(postgres.run ? postgres.bin : undefined)
    databaseUrl = server.url
  })
  afterAll(async () => {
    await server?.stop()
  })
  const drill = (dir: string, seed = false) => runDrill(drillContext(), { dir: `${FIXTURES}/${dir}`, databaseUrl, seed, timeoutMs: 30_000 })
  const test = it.skipIf(skip)

  test.each(['golang-good', 'golang-concurrently', 'dbmate-good', 'flyway-good', 'sqitch-good'])('%s: every up, down and re-up passes', async dir => {
    const result = await drill(dir)
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
    expect(result.inputs.length).toBeGreaterThanOrEqual(2)
    const table = result.sections?.[0]?.markdown ?? ''
    expect(result.sections?.[0]?.title).toContain(engine)
    // Every migration row shows three successful directions.
    const rows = table.split('\n').filter(l => /^\| \d/.test(l))
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) expect(row.match(/✅/g)?.length).toBe(3)
  })

  test('a missing down stops the rollback at that version (RV-DRILL-002)', async () => {
    const result = await drill('golang-missing-down')
    expect(ids(result)).toEqual(['RV-DRILL-002'])
    const [finding] = result.findings
    expect(finding?.path).toBe(`${FIXTURES}/golang-missing-down/000002_add_name.up.sql`)
    expect(finding?.message).toContain('000002 (add_name) has no down migration')
    expect(finding?.message).toContain('1 older migration(s) were not drilled')
    expect(result.notices?.join('\n')).toContain('up → down → up cycle was not run')
  })

  test('a failing down is reported at the failing statement (RV-DRILL-002)', async () => {
    const result = await drill('golang-down-fails')
    expect(ids(result)).toEqual(['RV-DRILL-002'])
    const [finding] = result.findings
    expect(finding?.path).toBe(`${FIXTURES}/golang-down-fails/000002_add_name.down.sql`)
    expect(finding?.message).toMatch(/column "displayname" of relation "users" does not exist/)
    expect(finding?.line).toBe(3)
    expect(finding?.helpUri).toMatch(/rollback-verify\.md#rv-drill-002$/)
    // Identity is rule + file + version/phase, never the line.
    expect(finding?.fingerprint).toBe(fingerprintOf('RV-DRILL-002', finding?.path, 'down:000002:add_name'))
  })

  test('a down that leaves a column and an index behind names them (RV-DRILL-004)', async () => {
    const result = await drill('golang-down-leaves')
    expect(ids(result)).toEqual(['RV-DRILL-004'])
    const message = result.findings[0]?.message ?? ''
    expect(message).toContain('column users.email_verified still exists after down of 000002')
    expect(message).toContain('index users_unverified_idx still exists after down of 000002')
    expect(message).not.toContain('nickname')
    expect(result.findings[0]?.path).toBe(`${FIXTURES}/golang-down-leaves/000002_verified.down.sql`)
  })

  test('Flyway undo that forgets the domain (RV-DRILL-004, then RV-DRILL-003 on re-up)', async () => {
    const result = await drill('flyway-down-leaves')
    expect(only(result, 'RV-DRILL-004')[0]?.message).toContain('domain stock_level still exists after down of 2')
    expect(only(result, 'RV-DRILL-004')[0]?.path).toBe(`${FIXTURES}/flyway-down-leaves/U2__add_stock.sql`)
    // U1 drops the table, so the leftover domain makes V2 fail when the cycle re-applies it.
    expect(only(result, 'RV-DRILL-003')[0]?.message).toMatch(/up of 2 \(add_stock\) fails when re-applied .*already exists/)
  })

  test('a down that leaves a sequence and a type makes the re-up fail (RV-DRILL-004 + RV-DRILL-003)', async () => {
    const result = await drill('golang-reup-fails')
    expect(ids(result)).toEqual(['RV-DRILL-003', 'RV-DRILL-004'])
    expect(only(result, 'RV-DRILL-004')[0]?.message).toContain('sequence invoice_number still exists after down of 000001')
    expect(only(result, 'RV-DRILL-004')[0]?.message).toContain('enum invoice_state still exists after down of 000001')
    const reUp = only(result, 'RV-DRILL-003')[0]
    expect(reUp?.message).toMatch(/relation "invoice_number" already exists/)
    expect(reUp?.path).toBe(`${FIXTURES}/golang-reup-fails/000001_invoices.up.sql`)
    expect(result.sections?.[0]?.markdown).toMatch(/\| 000001 \| invoices \| ✅ \d+ ms \| ⚠️ differs \d+ ms \| ❌ \d+ ms \|/)
  })

  test('CONCURRENTLY in a transactional dbmate section fails the up (RV-DRILL-001)', async () => {
    const result = await drill('dbmate-concurrently-in-tx')
    expect(ids(result)).toEqual(['RV-DRILL-001'])
    const [finding] = result.findings
    expect(finding?.message).toMatch(/CREATE INDEX CONCURRENTLY cannot run inside a transaction block/)
    expect(finding?.path).toBe(`${FIXTURES}/dbmate-concurrently-in-tx/20240102120000_accounts_name_index.sql`)
    expect(finding?.line).toBe(2)
  })

  test('plain numbered SQL has ups only: applied, then the rollback is blocked', async () => {
    const result = await drill('numbered-sql')
    expect(ids(result)).toEqual(['RV-DRILL-002'])
    expect(result.findings[0]?.message).toContain('002 (tag_colour) has no down migration')
    expect(result.sections?.[0]?.markdown).toMatch(/\| 001 \| create_tags \| ✅/)
  })

  test('seeded rows lost by an up that drops a column (RV-DRILL-006)', async () => {
    const result = await drill('golang-data-loss', true)
    expect(ids(result)).toEqual(['RV-DRILL-006'])
    expect(result.findings[0]?.message).toContain('column people.phone: 1 seeded value(s) came back NULL')
    expect(result.findings[0]?.severity).toBe('medium')
    const plain = await drill('golang-data-loss', false)
    expect(plain.findings).toEqual([])
  })

  test('seeded round trip of a clean set finds nothing', async () => {
    const result = await drill('golang-good', true)
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
  })

  test('Prisma: the ups are applied, the rollback is reported as not drillable (RV-DRILL-005)', async () => {
    const result = await drill('prisma')
    expect(ids(result)).toEqual(['RV-DRILL-005'])
    expect(result.findings[0]?.message).toContain('2 up migration(s) applied cleanly')
    expect(result.findings[0]?.path).toBe(`${FIXTURES}/prisma/20240201120000_add_slug/migration.sql`)
    expect(result.sections?.[0]?.markdown).toMatch(/\| 20240201120000 \| add_slug \| ✅ \d+ ms \| — \| — \|/)
  })

  test('an extension the engine lacks', async () => {
    const result = await drill('golang-postgis')
    if (engine === 'pglite') {
      // PGlite cannot tell: inconclusive, with the advice to use a real server.
      expect(ids(result)).toEqual(['RV-DRILL-005'])
      expect(result.findings[0]?.message).toContain('database-url')
    } else {
      expect(ids(result)).toEqual(['RV-DRILL-001'])
      expect(result.findings[0]?.message).toMatch(/postgis/)
    }
  })
})

describe('migration drill without an engine', () => {
  it('JavaScript migrations are reported as not drilled, never as a pass (RV-DRILL-005)', async () => {
    const result = await runDrill(drillContext(), { dir: `${FIXTURES}/knex-js/migrations` })
    expect(result.findings.map(f => f.ruleId)).toEqual(['RV-DRILL-005'])
    expect(result.findings[0]?.message).toContain('knex')
    expect(result.findings[0]?.path).toBe(`${FIXTURES}/knex-js/migrations/20240101120000_create_notes.js`)
  })

  it('a directory without migrations is an error, not a clean drill', async () => {
    const result = await runDrill(drillContext(), { dir: `${FIXTURES}/does-not-exist` })
    expect(result.findings).toEqual([])
    expect(result.errors.map(e => e.message).join('\n')).toMatch(/not found/)
  })
})
