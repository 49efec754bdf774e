import type { Finding } from '../../../src/core/finding.js'
import type { Migration, MigrationTool } from '../../../src/rollback-verify/migrations/discover.js'
import { analyzeMigrations } from '../../../src/rollback-verify/sql/analyze.js'
import { checkSql } from '../../../src/rollback-verify/sql/check.js'

/** Runs the SQL rules over one up migration written inline. */
export async function lint(sql: string, options: { tool?: MigrationTool; transactional?: boolean } = {}): Promise<Finding[]> {
  const tool = options.tool ?? 'sqitch' // sqitch: no tool transaction, so only what the SQL says
  const migration: Migration = {
    version: '1',
    name: 'case',
    up: { path: 'db/1_case.up.sql', text: sql, sql, startLine: 1 },
    transactional: options.transactional ?? false
  }
  const set = { tool, dir: 'db', migrations: [migration], errors: [] }
  return checkSql(set, await analyzeMigrations(set), {})
}

export async function ids(sql: string, options: { tool?: MigrationTool; transactional?: boolean } = {}): Promise<string[]> {
  return [...new Set((await lint(sql, options)).map(f => f.ruleId))].sort()
}
