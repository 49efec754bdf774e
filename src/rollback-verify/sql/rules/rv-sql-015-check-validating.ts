import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { validatedInSameTransaction } from './validate-same-transaction.js'

export const rule: SqlRule = {
  id: 'RV-SQL-015',
  name: 'check-validating',
  title: 'CHECK constraint added with validation on an existing table',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'ADD CHECK scans every row under an ACCESS EXCLUSIVE lock; NOT VALID plus a VALIDATE in the same transaction is no better.',
  fix: 'ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.',
  anchors: { squawk: 'constraint-missing-not-valid', strong_migrations: 'add_check_constraint', eugene: 'E1' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AddConstraint') return
      const c = (cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint
      if (str(c?.contype) !== 'CONSTR_CHECK' || c?.skip_validation === true) return
      hits.push(hit(s, `CHECK constraint ${str(c?.conname) ?? ''} on ${table} is validated immediately under an exclusive lock.`, str(c?.conname) ?? s.text))
    })
    return [...hits, ...validatedInSameTransaction(ctx, 'CONSTR_CHECK')]
  }
}
