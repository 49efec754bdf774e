import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { droppedNames } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-003',
  name: 'drop-schema-or-database',
  title: 'DROP SCHEMA / DROP DATABASE in a migration',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Dropping a schema or database removes every object and row in it; no down migration can restore that.',
  fix: 'Remove the statement from the migration; retire schemas and databases manually, after a backup, outside the deploy.',
  anchors: { squawk: 'ban-drop-database', atlas: 'DS101' },
  check(ctx) {
    return ctx.statements.flatMap(s => {
      if (s.kind === 'DropStmt' && s.node.removeType === 'OBJECT_SCHEMA') {
        return [hit(s, `DROP SCHEMA ${droppedNames(s.node).join(', ')} deletes every object in it.`)]
      }
      if (s.kind === 'DropdbStmt') return [hit(s, `DROP DATABASE ${str(s.node.dbname) ?? ''} deletes the whole database.`)]
      return []
    })
  }
}
