import { hit, type SqlRule } from '../context.js'
import { relationKey } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-020',
  name: 'data-backfill',
  title: 'UPDATE or DELETE of existing rows in a schema migration',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A backfill in the migration runs in one transaction over the whole table (long row locks, bloat, replication lag), and the down migration cannot restore the previous values.',
  fix: 'Run backfills as a separate, batched, resumable job after the schema change has shipped.',
  anchors: { strong_migrations: 'backfilling data' },
  check(ctx) {
    return ctx.statements
      .filter(s => (s.kind === 'UpdateStmt' || s.kind === 'DeleteStmt') && !ctx.isNew(relationKey(s.node.relation), s.index))
      .map(s => hit(s, `${s.kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE'} on ${relationKey(s.node.relation) ?? '?'} changes existing rows inside the migration; the rollback cannot restore them.`))
  }
}
