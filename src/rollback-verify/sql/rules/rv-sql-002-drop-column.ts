import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'

export const rule: SqlRule = {
  id: 'RV-SQL-002',
  name: 'drop-column',
  title: 'DROP COLUMN in a migration',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'The old application version still selects or inserts the column while the deploy runs and after a code rollback; the down migration re-adds it empty, so its data is lost for good.',
  fix: 'Deploy code that no longer reads or writes the column first; drop it in a later migration, in its own deployment.',
  anchors: { squawk: 'ban-drop-column', atlas: 'DS103', strong_migrations: 'remove_column' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_DropColumn') return
      const column = str(cmd.name) ?? '?'
      hits.push(hit(s, `Dropping column ${table}.${column} breaks the running application version and loses its data on rollback.`, column))
    })
    return hits
  }
}
