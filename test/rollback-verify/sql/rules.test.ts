import { describe, expect, it } from 'vitest'
import type { Migration } from '../../../src/rollback-verify/migrations/discover.js'
import { analyzeMigrations } from '../../../src/rollback-verify/sql/analyze.js'
import { checkSql } from '../../../src/rollback-verify/sql/check.js'
import { ids, lint } from './cases.js'

const LT = "SET lock_timeout = '5s';\n"

/** [rule, unsafe SQL that must trigger it, safe SQL that must not] — one row per rule, squawk style. */
const CASES: Array<[string, string, string]> = [
  ['RV-SQL-001', 'DROP TABLE users;', 'CREATE TABLE tmp (id int); DROP TABLE tmp;'],
  ['RV-SQL-002', 'ALTER TABLE users DROP COLUMN email;', 'CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b;'],
  ['RV-SQL-003', 'DROP SCHEMA billing CASCADE;', 'CREATE SCHEMA billing;'],
  ['RV-SQL-004', 'TRUNCATE orders CASCADE;', 'CREATE TABLE t (id int); TRUNCATE t;'],
  ['RV-SQL-005', 'ALTER TABLE users RENAME COLUMN email TO mail;', 'ALTER TABLE users ADD COLUMN mail text;'],
  ['RV-SQL-006', 'ALTER TABLE users RENAME TO people;', 'CREATE VIEW people AS SELECT 1 AS x;'],
  ['RV-SQL-007', 'ALTER TABLE users ALTER COLUMN id TYPE bigint;', 'CREATE TABLE t (id int); ALTER TABLE t ALTER COLUMN id TYPE bigint;'],
  ['RV-SQL-008', 'ALTER TABLE users ADD COLUMN age int NOT NULL;', 'ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;'],
  [
    'RV-SQL-009',
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID; ALTER TABLE users ALTER COLUMN email SET NOT NULL;'
  ],
  ['RV-SQL-010', 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', 'ALTER TABLE users ADD COLUMN created timestamptz DEFAULT now();'],
  ['RV-SQL-011', 'CREATE INDEX users_email ON users (email);', 'CREATE INDEX CONCURRENTLY users_email ON users (email);'],
  ['RV-SQL-012', 'DROP INDEX users_email;', 'DROP INDEX CONCURRENTLY users_email;'],
  ['RV-SQL-013', 'BEGIN; CREATE INDEX CONCURRENTLY i ON users (email); COMMIT;', 'CREATE INDEX CONCURRENTLY i ON users (email);'],
  [
    'RV-SQL-014',
    'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);',
    'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'
  ],
  ['RV-SQL-015', 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);', 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID;'],
  ['RV-SQL-016', 'ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);', 'ALTER TABLE users ADD CONSTRAINT u UNIQUE USING INDEX users_email_key;'],
  ['RV-SQL-017', 'ALTER TABLE users ADD COLUMN nick text;', `${LT}ALTER TABLE users ADD COLUMN nick text;`],
  ['RV-SQL-018', 'ALTER TABLE users ADD COLUMN seq bigserial;', 'CREATE TABLE t (id bigserial);'],
  ['RV-SQL-019', "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';", "ALTER TYPE mood ADD VALUE 'calm';"],
  ['RV-SQL-020', "UPDATE users SET email = lower(email);", "CREATE TABLE t (id int); UPDATE t SET id = 1;"],
  ['RV-SQL-021', 'VACUUM FULL users;', 'REINDEX TABLE CONCURRENTLY users;'],
  ['RV-SQL-022', 'BEGIN; CREATE TABLE t (id int);', 'BEGIN; CREATE TABLE t (id int); COMMIT;'],
  ['RV-SQL-023', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', 'ALTER TABLE users ALTER COLUMN email SET DEFAULT \'\';']
]

describe('RV-SQL rules', () => {
  for (const [id, bad, good] of CASES) {
    it(`${id} fires on the unsafe form and not on the safe one`, async () => {
      expect(await ids(bad)).toContain(id)
      expect(await ids(good)).not.toContain(id)
    })
  }

  it('points at the offending statement line, after comments, offset by the section start', async () => {
    const sql = `${LT}-- first a harmless column\nALTER TABLE users ADD COLUMN a text;\n\n/* now the\n   bad one */\nALTER TABLE users\n  DROP COLUMN email;\n`
    const findings = await lint(sql)
    const drop = findings.find(f => f.ruleId === 'RV-SQL-002')
    expect(drop?.line).toBe(7)
    expect(drop?.path).toBe('db/1_case.up.sql')
    expect(drop?.helpUri).toMatch(/docs\/rules\/rollback-verify\.md#rv-sql-002$/)
  })

  it('counts lines by bytes correctly after non-ASCII text', async () => {
    const sql = `${LT}COMMENT ON TABLE users IS 'Benutzer – größte Tabelle ✓';\nDROP TABLE users;\n`
    const drop = (await lint(sql)).find(f => f.ruleId === 'RV-SQL-001')
    expect(drop?.line).toBe(3)
  })

  it('keeps fingerprints stable when lines shift', async () => {
    const a = (await lint('DROP TABLE users;')).find(f => f.ruleId === 'RV-SQL-001')
    const b = (await lint('\n\n-- moved\nDROP TABLE users;')).find(f => f.ruleId === 'RV-SQL-001')
    expect(a?.fingerprint).toBe(b?.fingerprint)
    expect(a?.line).not.toBe(b?.line)
  })

  it('flags NOT VALID + VALIDATE in one transaction, not in separate ones', async () => {
    const same = "BEGIN; ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID; ALTER TABLE o VALIDATE CONSTRAINT fk; COMMIT;"
    const split = "BEGIN; ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID; COMMIT; ALTER TABLE o VALIDATE CONSTRAINT fk;"
    expect(await ids(same)).toContain('RV-SQL-014')
    expect(await ids(split)).not.toContain('RV-SQL-014')
    // dbmate wraps the section: the same statements without BEGIN are one transaction too.
    const wrapped = 'ALTER TABLE o ADD CONSTRAINT c CHECK (x > 0) NOT VALID; ALTER TABLE o VALIDATE CONSTRAINT c;'
    expect(await ids(wrapped, { tool: 'dbmate', transactional: true })).toContain('RV-SQL-015')
    expect(await ids(wrapped, { tool: 'sqitch' })).not.toContain('RV-SQL-015')
  })

  it('reports the missing lock_timeout once per file', async () => {
    const findings = await lint('ALTER TABLE a ADD COLUMN x int; ALTER TABLE b ADD COLUMN y int;')
    expect(findings.filter(f => f.ruleId === 'RV-SQL-017')).toHaveLength(1)
  })

  it('treats tables created earlier in the same migration as new', async () => {
    const sql = 'CREATE TABLE t (id int); CREATE INDEX ti ON t (id); ALTER TABLE t ADD COLUMN v int NOT NULL; ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES u (id);'
    expect(await ids(sql)).toEqual([])
  })

  it('matches quoted identifiers case-sensitively, as PostgreSQL does', async () => {
    expect(await ids('CREATE TABLE "User" (id int); ALTER TABLE "User" ADD COLUMN email text NOT NULL;')).toEqual([])
    const other = await lint('CREATE TABLE "User" (id int); ALTER TABLE "user" ADD COLUMN email text NOT NULL;')
    expect(other.find(f => f.ruleId === 'RV-SQL-008')?.message).toContain('user.email')
  })

  it('runs the locking rules on down migrations only with check-down', async () => {
    const up = "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON users (email);"
    const down = 'DROP INDEX i;\nALTER TABLE users DROP COLUMN email;'
    const migration: Migration = {
      version: '1',
      name: 'i',
      up: { path: 'db/1_i.up.sql', text: up, sql: up, startLine: 1 },
      down: { path: 'db/1_i.down.sql', text: down, sql: down, startLine: 1 },
      transactional: false
    }
    const set = { tool: 'sqitch' as const, dir: 'db', migrations: [migration], errors: [] }
    const analyzed = await analyzeMigrations(set)
    expect(checkSql(set, analyzed, {})).toEqual([])
    const checked = checkSql(set, analyzed, { 'check-down': true })
    expect(checked.map(f => `${f.ruleId}@${f.path}:${f.line}`).sort()).toEqual(['RV-SQL-012@db/1_i.down.sql:1', 'RV-SQL-017@db/1_i.down.sql:1'])
    expect(checked[0]?.message).toMatch(/down migration/)
  })

  it('does not run SQL rules on a file that is not PostgreSQL', async () => {
    expect(await lint('CREATE TABLE `users` (id INT AUTO_INCREMENT) ENGINE=InnoDB;')).toEqual([])
  })
})
