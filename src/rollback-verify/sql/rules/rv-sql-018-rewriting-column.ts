import { at, str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { columnConstraints, columnName, typeNameOf } from '../names.js'

const SERIAL = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

export const rule: SqlRule = {
  id: 'RV-SQL-018',
  name: 'rewriting-column',
  title: 'serial or GENERATED … STORED column added to an existing table',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A serial column or a stored generated column has to be filled for every existing row, which rewrites the table under an ACCESS EXCLUSIVE lock.',
  fix: 'Add a plain nullable column, attach a sequence default or trigger, and backfill in batches; or create the column on a new table.',
  anchors: { strong_migrations: 'add_column_generated_stored', eugene: 'E11' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AddColumn') return
      const column = columnName(cmd.def)
      const stored = columnConstraints(cmd.def).some(c => str(c.contype) === 'CONSTR_GENERATED' && str(at(c, 'generated_kind')) !== 'v')
      const serial = SERIAL.has(typeNameOf(cmd.def))
      if (!stored && !serial) return
      hits.push(hit(s, `Adding ${serial ? `${typeNameOf(cmd.def)} column` : 'stored generated column'} ${table}.${column} rewrites the whole table.`, column))
    })
    return hits
  }
}
