import { at, obj, str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'

/** `CHECK (col IS NOT NULL)` lets PostgreSQL 12+ skip the full-table scan of SET NOT NULL. */
function checksNotNull(constraint: unknown, column: string): boolean {
  const test = obj(at(constraint, 'Constraint', 'raw_expr', 'NullTest'))
  if (test?.nulltesttype !== 'IS_NOT_NULL') return false
  const fields = at(test, 'arg', 'ColumnRef', 'fields')
  const last = Array.isArray(fields) ? fields[fields.length - 1] : undefined
  return str(at(last, 'String', 'sval')) === column
}

export const rule: SqlRule = {
  id: 'RV-SQL-009',
  name: 'set-not-null',
  title: 'SET NOT NULL on an existing column',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and the application version still running may write NULL into the column and start failing.',
  fix: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate transaction, then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan).',
  anchors: { squawk: 'adding-not-nullable-field', strong_migrations: 'change_column_null', eugene: 'E2' },
  check(ctx) {
    const hits: SqlHit[] = []
    const checked = new Set<string>()
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype === 'AT_AddConstraint') {
        const column = str(at(cmd.def, 'Constraint', 'raw_expr', 'NullTest', 'arg', 'ColumnRef', 'fields', 0, 'String', 'sval'))
        if (column && checksNotNull(cmd.def, column)) checked.add(`${table}.${column}`)
      }
      if (cmd.subtype !== 'AT_SetNotNull') return
      const column = str(cmd.name) ?? '?'
      if (checked.has(`${table}.${column}`)) return
      hits.push(hit(s, `SET NOT NULL on ${table}.${column} scans the table under an exclusive lock and can break writers that still send NULL.`, column))
    })
    return hits
  }
}
