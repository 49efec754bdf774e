import { at, str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { columnConstraints, columnName } from '../names.js'

const INDEXED = new Set(['CONSTR_UNIQUE', 'CONSTR_PRIMARY', 'CONSTR_EXCLUSION'])

export const rule: SqlRule = {
  id: 'RV-SQL-016',
  name: 'unique-constraint-blocking',
  title: 'UNIQUE / PRIMARY KEY constraint built under a lock',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking reads and writes on the table.',
  fix: 'CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE USING INDEX (or PRIMARY KEY USING INDEX).',
  anchors: { squawk: 'disallowed-unique-constraint', strong_migrations: 'add_unique_constraint', eugene: 'E7' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype === 'AT_AddConstraint') {
        const contype = str(at(cmd.def, 'Constraint', 'contype')) ?? ''
        if (!INDEXED.has(contype) || str(at(cmd.def, 'Constraint', 'indexname'))) return
        hits.push(hit(s, `${contype.replace('CONSTR_', '')} constraint on ${table} builds its index while locking the table.`, str(at(cmd.def, 'Constraint', 'conname')) ?? contype))
      } else if (cmd.subtype === 'AT_AddColumn') {
        const indexed = columnConstraints(cmd.def).find(c => INDEXED.has(str(c.contype) ?? ''))
        if (indexed) hits.push(hit(s, `New column ${table}.${columnName(cmd.def)} is ${str(indexed.contype)?.replace('CONSTR_', '')}: its index is built under an exclusive lock.`, columnName(cmd.def)))
      }
    })
    return hits
  }
}
