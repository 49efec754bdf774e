import { describe, expect, it } from 'vitest'
import type { Migration, MigrationSet } from '../../../src/rollback-verify/migrations/discover.js'
import { runModeFor } from '../../../src/rollback-verify/drill/apply.js'
import { extensionsUsed } from '../../../src/rollback-verify/drill/extensions.js'
import { DRILL_RULES } from '../../../src/rollback-verify/drill/rules.js'
import { dataLosses } from '../../../src/rollback-verify/drill/seed.js'
import { describeDifference, diffSchemas, type SchemaObject } from '../../../src/rollback-verify/drill/snapshot.js'
import { drillTable } from '../../../src/rollback-verify/drill/table.js'

const obj = (kind: string, name: string, detail = '', parent = ''): SchemaObject => ({ kind, name, detail, parent })
const migration = (over: Partial<Migration> = {}): Migration => ({ version: '1', name: 'x', transactional: false, ...over })

describe('schema diff', () => {
  it('folds the columns, indexes and owned sequence of a leftover table into one line', () => {
    const expected = { objects: [obj('schema', 'public')] }
    const actual = {
      objects: [
        obj('schema', 'public'),
        obj('table', 'public.users'),
        obj('column', 'public.users.id', 'integer', 'public.users'),
        obj('index', 'public.users_pkey', 'CREATE UNIQUE INDEX …', 'public.users'),
        obj('sequence', 'public.users_id_seq', 'integer', 'public.users'),
        obj('sequence', 'audit.free_seq', 'bigint')
      ]
    }
    expect(diffSchemas(expected, actual).map(d => describeDifference(d))).toEqual(['sequence audit.free_seq still exists', 'table users still exists'])
  })

  it('reports a missing column of a surviving table and a changed definition', () => {
    const table = obj('table', 'public.t')
    const expected = { objects: [table, obj('column', 'public.t.a', 'text', 'public.t'), obj('column', 'public.t.b', 'integer', 'public.t')] }
    const actual = { objects: [table, obj('column', 'public.t.b', 'bigint', 'public.t')] }
    expect(diffSchemas(expected, actual).map(d => describeDifference(d, 'appeared'))).toEqual([
      'column t.b differs: expected `integer`, found `bigint`',
      'column t.a is missing'
    ])
  })

  it('identical snapshots have no differences', () => {
    const s = { objects: [obj('table', 'public.t'), obj('column', 'public.t.a', 'text', 'public.t')] }
    expect(diffSchemas(s, { objects: [...s.objects].reverse() })).toEqual([])
  })
})

describe('run modes follow each tool’s transaction handling', () => {
  it.each([
    ['golang-migrate', migration(), 'up', 'CREATE INDEX CONCURRENTLY i ON t (a);', 'script'],
    ['dbmate', migration({ transactional: true }), 'up', 'CREATE TABLE t ();', 'transaction'],
    ['dbmate', migration({ transactional: true, downTransactional: false }), 'down', 'DROP INDEX CONCURRENTLY i;', 'script'],
    ['flyway', migration({ transactional: true }), 'up', 'CREATE TABLE t ();', 'transaction'],
    ['flyway', migration({ transactional: true }), 'up', 'CREATE INDEX CONCURRENTLY i ON t (a);', 'statements'],
    ['sqitch', migration(), 'up', 'BEGIN; CREATE TABLE t (); COMMIT;', 'statements'],
    ['numbered-sql', migration(), 'up', 'CREATE TABLE t ();', 'statements']
  ] as const)('%s %s → %s', (tool, m, direction, sql, mode) => {
    expect(runModeFor(tool, m, direction, sql)).toBe(mode)
  })
})

describe('seeded data comparison', () => {
  it('names a column whose values came back NULL and a table that lost rows', () => {
    const before = new Map([
      ['public.people', [{ id: 1, phone: '555' }]],
      ['public.logs', [{ id: 1 }, { id: 2 }]]
    ])
    const after = new Map([
      ['public.people', [{ id: 1, phone: null }]],
      ['public.logs', [{ id: 1 }]]
    ])
    expect(dataLosses(before, after)).toEqual(['column people.phone: 1 seeded value(s) came back NULL', '1 of 2 rows of logs are gone'])
    expect(dataLosses(before, before)).toEqual([])
  })
})

describe('drill metadata', () => {
  it('has the six RV-DRILL rules with unique kebab-case names', () => {
    expect(DRILL_RULES.map(r => r.id)).toEqual(['RV-DRILL-001', 'RV-DRILL-002', 'RV-DRILL-003', 'RV-DRILL-004', 'RV-DRILL-005', 'RV-DRILL-006'])
    for (const rule of DRILL_RULES) expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
    expect(new Set(DRILL_RULES.map(r => r.name)).size).toBe(6)
  })

  it('finds the extensions a migration set creates', () => {
    const set: MigrationSet = {
      tool: 'golang-migrate',
      dir: 'm',
      errors: [],
      migrations: [
        migration({ up: { path: 'a', text: '', sql: 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\ncreate extension PGCRYPTO;', startLine: 1 } })
      ]
    }
    expect(extensionsUsed(set)).toEqual(['pgcrypto', 'uuid-ossp'])
  })

  it('renders the per-migration table with escaped names', () => {
    const table = drillTable(
      [{ version: '1', name: 'a|b', path: 'p', up: { status: 'ok', ms: 3 }, down: { status: 'differs', ms: 2 }, reUp: { status: 'not run' } }],
      { engine: 'PostgreSQL 18.6 on wasm32', engineMs: 10, drillMs: 20 }
    )
    expect(table).toContain('| 1 | a\\|b | ✅ 3 ms | ⚠️ differs 2 ms | — |')
    expect(table).toContain('Engine: PostgreSQL 18.6 (started in 10 ms); drill 20 ms.')
  })
})
