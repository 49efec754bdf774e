import { hit, isNonTransactional, type SqlRule } from '../context.js'

export const rule: SqlRule = {
  id: 'RV-SQL-013',
  name: 'concurrently-in-transaction',
  title: 'Non-transactional statement inside BEGIN … COMMIT',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM and CREATE DATABASE cannot run in a transaction block; the migration fails halfway at deploy time. (When the tool itself wraps the file, RV-MIG-012 reports it.)',
  fix: 'Move the statement out of the BEGIN … COMMIT block, into its own migration file.',
  anchors: { squawk: 'ban-concurrent-index-creation-in-transaction' },
  check(ctx) {
    return ctx.statements
      .filter(s => isNonTransactional(s) && ctx.inExplicitTransaction(s.index))
      .map(s => hit(s, `${s.text.split(/\s+/).slice(0, 4).join(' ')}… cannot run inside the BEGIN … COMMIT block around it.`))
  }
}
