import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { validatedInSameTransaction } from './validate-same-transaction.js'

export const rule: SqlRule = {
  id: 'RV-SQL-014',
  name: 'foreign-key-validating',
  title: 'Foreign key added with validation on an existing table',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'ADD FOREIGN KEY checks every row while holding SHARE ROW EXCLUSIVE locks on both tables, blocking writes; adding it NOT VALID and validating it in the same transaction keeps the locks just as long.',
  fix: 'ADD CONSTRAINT … FOREIGN KEY … NOT VALID in one migration, then ALTER TABLE … VALIDATE CONSTRAINT in a separate transaction.',
  anchors: { squawk: 'adding-foreign-key-constraint', strong_migrations: 'add_foreign_key', eugene: 'E1' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AddConstraint') return
      const c = (cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint
      if (str(c?.contype) !== 'CONSTR_FOREIGN' || c?.skip_validation === true) return
      hits.push(hit(s, `Foreign key ${str(c?.conname) ?? ''} on ${table} is validated immediately, locking both tables while every row is checked.`, str(c?.conname)))
    })
    return [...hits, ...validatedInSameTransaction(ctx, 'CONSTR_FOREIGN')]
  }
}
