import { hit, type SqlRule } from '../context.js'
import { droppedNames } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-001',
  name: 'drop-table',
  title: 'DROP TABLE in a migration',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Dropping a table destroys its data; the down migration can recreate the table but not its rows, and the version of the application still running during the deploy fails on every query against it.',
  fix: 'Stop using the table in one release, then drop it in a later, separate deployment (expand-contract); keep a backup or rename it aside first.',
  anchors: { squawk: 'ban-drop-table', atlas: 'DS102' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'DropStmt' && s.node.removeType === 'OBJECT_TABLE')
      .flatMap(s => {
        const names = droppedNames(s.node).filter(name => !ctx.isNew(name, s.index))
        return names.length > 0 ? [hit(s, `DROP TABLE ${names.join(', ')} deletes the table and its data; a rollback cannot bring the rows back.`)] : []
      })
  }
}
