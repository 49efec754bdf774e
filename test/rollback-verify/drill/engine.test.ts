import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DrillEngine, DrillTimeoutError, withTimeout } from '../../../src/rollback-verify/drill/engine.js'
import { createPgEngine, redactDatabaseUrl } from '../../../src/rollback-verify/drill/pg-engine.js'
import { createPgliteEngine } from '../../../src/rollback-verify/drill/pglite-engine.js'
import { runDrill } from '../../../src/rollback-verify/drill/run.js'
import { describeDifference, diffSchemas, snapshotSchema } from '../../../src/rollback-verify/drill/snapshot.js'
import { postgresTestMode, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { drillContext, FIXTURES } from './helpers.js'

const postgres = postgresTestMode()
let server: PostgresServer | undefined
beforeAll(async () => {
  if (postgres.run) server = await startPostgres(postgres.bin)
})
afterAll(async () => {
  await server?.stop()
})

/** Names of the throw-away drill databases currently on the test server. */
async function drillDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: server?.url })
  await client.connect()
  try {
    const rows = await client.query<{ datname: string }>(`select datname from pg_database where datname like 'drill\\_%'`)
    return rows.rows.map(r => r.datname)
  } finally {
    await client.end()
  }
}

const engines = [
  { engine: 'pglite', skip: false, open: () => createPgliteEngine({ timeoutMs: 30_000 }) },
  { engine: 'postgres', skip: !postgres.run, open: () => createPgEngine({ databaseUrl: server?.url ?? '', timeoutMs: 30_000 }) }
]

describe.each(engines)('drill engine $engine', ({ skip, open }) => {
  let engine: DrillEngine | undefined
  beforeAll(async () => {
    if (!skip) engine = await open()
  })
  afterAll(async () => {
    await engine?.close()
  })
  const test = it.skipIf(skip)
  const db = () => {
    if (!engine) throw new Error('engine not started')
    return engine
  }

  test('runs scripts and queries; a fresh database has only the public schema', async () => {
    expect((await snapshotSchema(db())).objects.map(o => `${o.kind} ${o.name}`)).toEqual(['schema public'])
    await db().exec('create table t (id int primary key, note text default $$x$$); insert into t values (1)')
    expect(await db().query<{ id: number }>('select id from t')).toEqual([{ id: 1 }])
  })

  test('CONCURRENTLY works alone but not combined with another statement (one implicit transaction)', async () => {
    await expect(db().exec('select 1; create index concurrently t_note_idx on t (note)')).rejects.toThrow(/CREATE INDEX CONCURRENTLY/)
    await db().exec('create index concurrently t_note_idx on t (note)')
    expect((await snapshotSchema(db())).objects.some(o => o.kind === 'index' && o.name === 'public.t_note_idx')).toBe(true)
  })

  test('after a failure inside BEGIN, ROLLBACK makes the session usable again', async () => {
    await expect(db().exec('begin; select 1/0;')).rejects.toThrow(/division by zero/)
    await expect(db().query('select 1')).rejects.toThrow(/current transaction is aborted/)
    await db().exec('rollback')
    expect(await db().query('select 1 as one')).toEqual([{ one: 1 }])
  })

  test('the snapshot sees a changed default and an added check constraint', async () => {
    const before = await snapshotSchema(db())
    await db().exec(`alter table t alter column note set default 'y'; alter table t add constraint t_id_positive check (id > 0)`)
    const messages = diffSchemas(before, await snapshotSchema(db())).map(d => describeDifference(d))
    expect(messages).toContain("column t.note differs: expected `text default 'x'::text`, found `text default 'y'::text`")
    expect(messages).toContain('constraint t.t_id_positive still exists')
  })
})

describe.skipIf(!postgres.run)('drill on a real server: throw-away database and secrets', () => {
  it('creates drill_<random> and drops it again, also after failures', async () => {
    const ctx = drillContext()
    const good = await runDrill(ctx, { dir: `${FIXTURES}/golang-good`, databaseUrl: server?.url })
    expect(good.findings).toEqual([])
    const bad = await runDrill(ctx, { dir: `${FIXTURES}/golang-down-fails`, databaseUrl: server?.url })
    expect(bad.findings.map(f => f.ruleId)).toEqual(['RV-DRILL-002'])
    expect(await drillDatabases()).toEqual([])
  })

  it('never reports or logs the password of the URL', async () => {
    const url = new URL(server?.url ?? 'postgres://x')
    url.password = 's3cret-pw' // trust auth ignores it, so the drill still runs
    const ctx = drillContext()
    const result = await runDrill(ctx, { dir: `${FIXTURES}/golang-good`, databaseUrl: url.toString() })
    expect(result.errors).toEqual([])
    expect(ctx.logged.join('\n')).toContain('postgres:***@127.0.0.1')
    const unreachable = new URL(url.toString())
    unreachable.port = '1'
    const failed = await runDrill(ctx, { dir: `${FIXTURES}/golang-good`, databaseUrl: unreachable.toString(), timeoutMs: 5_000 })
    expect(failed.errors.map(e => e.message).join('\n')).toMatch(/could not start PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//)
    expect(JSON.stringify([result, failed, ctx.logged])).not.toContain('s3cret-pw')
  })

  it('a statement that outlives the timeout stops the drill with an error and still drops the database', async () => {
    const result = await runDrill(drillContext(), { dir: `${FIXTURES}/golang-slow`, databaseUrl: server?.url, timeoutMs: 1_000 })
    expect(result.findings).toEqual([])
    expect(result.errors.map(e => e.message).join('\n')).toMatch(/up of 000001 \(slow\): statement did not finish within 1000 ms/)
    expect(await drillDatabases()).toEqual([])
  })

  it('rejects a URL that is not postgres://', async () => {
    const result = await runDrill(drillContext(), { dir: `${FIXTURES}/golang-good`, databaseUrl: 'mysql://root:pw@localhost/db' })
    expect(result.errors.map(e => e.message).join('\n')).toMatch(/must start with postgres:\/\//)
    expect(JSON.stringify(result)).not.toContain(':pw@')
  })
})

describe('PGlite contrib extensions', () => {
  it('loads the ones the migrations create; the snapshot lists the extension, not its functions', async () => {
    const engine = await createPgliteEngine({ timeoutMs: 30_000, extensions: ['uuid-ossp', 'pgcrypto'] })
    try {
      await engine.exec('create extension "uuid-ossp"; create extension pgcrypto; create table k (id uuid default uuid_generate_v4())')
      const objects = (await snapshotSchema(engine)).objects
      expect(objects.filter(o => o.kind === 'extension').map(o => o.name)).toEqual(['pgcrypto', 'uuid-ossp'])
      expect(objects.filter(o => o.kind === 'function')).toEqual([])
      expect(objects.find(o => o.name === 'public.k.id')?.detail).toBe('uuid default uuid_generate_v4()')
    } finally {
      await engine.close()
    }
  })
})

describe('engine helpers', () => {
  it('withTimeout rejects a call that never settles and passes results through', async () => {
    await expect(withTimeout('hung call', 20, new Promise(() => undefined))).rejects.toBeInstanceOf(DrillTimeoutError)
    await expect(withTimeout('quick call', 1_000, Promise.resolve(42))).resolves.toBe(42)
    await expect(withTimeout('failing call', 1_000, Promise.reject(new Error('boom')))).rejects.toThrow('boom')
  })

  it('redacts the password of a database URL', () => {
    expect(redactDatabaseUrl('postgres://app:hunter2@db:5432/prod?sslmode=require')).toBe('postgres://app:***@db:5432/prod?sslmode=require')
    expect(redactDatabaseUrl('postgres://app@db/prod')).toBe('postgres://app@db/prod')
    expect(redactDatabaseUrl('not a url hunter2')).not.toContain('hunter2')
  })
})
