import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { columnConstraints, columnName, typeNameOf } from '../names.js'

const SERIAL = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

export const rule: SqlRule = {
  id: 'RV-SQL-008',
  name: 'add-required-column',
  title: 'NOT NULL column added without a default',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'On a table with rows the statement fails outright; where it succeeds, the application version still running does not write the column and its inserts fail.',
  fix: 'Add the column nullable (or with a constant DEFAULT), backfill, then add the NOT NULL constraint in a later migration.',
  anchors: { squawk: 'adding-required-field', atlas: 'MF103' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AddColumn') return
      const constraints = columnConstraints(cmd.def)
      const types = new Set(constraints.map(c => str(c.contype)))
      const required = types.has('CONSTR_NOTNULL') || types.has('CONSTR_PRIMARY')
      const filled = types.has('CONSTR_DEFAULT') || types.has('CONSTR_IDENTITY') || types.has('CONSTR_GENERATED') || SERIAL.has(typeNameOf(cmd.def))
      if (!required || filled) return
      const column = columnName(cmd.def)
      hits.push(hit(s, `Column ${table}.${column} is NOT NULL without a DEFAULT: the migration fails on a non-empty table and old code cannot insert rows.`, column))
    })
    return hits
  }
}
