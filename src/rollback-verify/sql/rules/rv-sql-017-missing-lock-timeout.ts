import { hit, type SqlContext, type SqlRule } from '../context.js'
import { droppedNames, relationKey } from '../names.js'
import type { SqlStatement } from '../parse.js'

/** Statements that queue for a strong lock on a table that already has traffic. */
function takesTableLock(ctx: SqlContext, s: SqlStatement): boolean {
  const existing = (relation: unknown): boolean => !ctx.isNew(relationKey(relation), s.index)
  switch (s.kind) {
    case 'AlterTableStmt':
    case 'RenameStmt':
    case 'CreateTrigStmt':
      return existing(s.node.relation)
    case 'IndexStmt':
      return s.node.concurrent !== true && existing(s.node.relation)
    case 'DropStmt':
      return (
        s.node.concurrent !== true &&
        (s.node.removeType === 'OBJECT_TABLE' || s.node.removeType === 'OBJECT_INDEX') &&
        droppedNames(s.node).some(name => !ctx.isNew(name, s.index))
      )
    case 'TruncateStmt':
      return true
    default:
      return false
  }
}

export const rule: SqlRule = {
  id: 'RV-SQL-017',
  name: 'missing-lock-timeout',
  title: 'Lock-taking DDL without SET lock_timeout',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'DDL waiting for its lock behind one long query also blocks every query that arrives after it; without lock_timeout a migration can stall the whole table for as long as that query runs.',
  fix: "Start the migration with SET lock_timeout = '5s' (and retry on failure) so it gives up instead of queueing traffic behind it.",
  anchors: { squawk: 'require-lock-timeout', eugene: 'E9' },
  check(ctx) {
    const first = ctx.statements.find(s => takesTableLock(ctx, s) && !ctx.lockTimeoutBefore(s.index))
    return first ? [hit(first, `${first.text.split(/\s+/).slice(0, 4).join(' ')}… waits for a table lock, but no SET lock_timeout runs before it in this migration.`, 'first-lock')] : []
  }
}
