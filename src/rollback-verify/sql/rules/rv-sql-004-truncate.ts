import { arr } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { relationKey } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-004',
  name: 'truncate',
  title: 'TRUNCATE in a migration',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'TRUNCATE deletes every row (with CASCADE also the rows of every referencing table) and cannot be undone by a down migration.',
  fix: 'Do not delete data in a schema migration; if the data must go, archive it first and remove it in a separate, reviewed operation.',
  anchors: { squawk: 'ban-truncate-cascade' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'TruncateStmt')
      .flatMap(s => {
        const tables = arr(s.node.relations).map(r => relationKey((r as { RangeVar?: unknown }).RangeVar))
        if (tables.every(t => ctx.isNew(t, s.index))) return []
        const cascade = s.node.behavior === 'DROP_CASCADE' ? ' with CASCADE (also empties every referencing table)' : ''
        return [hit(s, `TRUNCATE ${tables.join(', ')}${cascade} deletes all rows; a rollback cannot restore them.`)]
      })
  }
}
