import { str } from '../../common/node.js'
import { hit, type SqlHit, type SqlRule } from '../context.js'
import type { SqlStatement } from '../parse.js'

export const rule: SqlRule = {
  id: 'RV-SQL-022',
  name: 'uncommitted-transaction',
  title: 'BEGIN without COMMIT',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'A transaction opened and never committed is rolled back when the session ends: the tool records the migration as applied while none of it persisted.',
  fix: 'End every BEGIN with COMMIT (or remove BEGIN and let the tool manage the transaction).',
  anchors: { squawk: 'ban-uncommitted-transaction' },
  check(ctx) {
    let open: SqlStatement | undefined
    for (const s of ctx.statements) {
      const kind = s.kind === 'TransactionStmt' ? str(s.node.kind) : undefined
      if ((kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') && !open) open = s
      if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE') open = undefined
    }
    const hits: SqlHit[] = open ? [hit(open, 'This BEGIN is never followed by COMMIT, so the migration\'s changes are rolled back when the session closes.')] : []
    return hits
  }
}
