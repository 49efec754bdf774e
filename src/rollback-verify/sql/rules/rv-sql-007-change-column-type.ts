import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { typeNameOf } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-007',
  name: 'change-column-type',
  title: 'Column type changed on an existing table',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Most type changes rewrite the table under an ACCESS EXCLUSIVE lock and can break clients that expect the old type; the reverse conversion in the down migration may fail or lose precision.',
  fix: 'Add a column of the new type, backfill in batches, switch the application, then drop the old column later.',
  anchors: { squawk: 'changing-column-type', strong_migrations: 'change_column', eugene: 'E5' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AlterColumnType') return
      const column = str(cmd.name) ?? '?'
      hits.push(hit(s, `Changing the type of ${table}.${column} to ${typeNameOf(cmd.def)} rewrites the table and can break the running application.`, column))
    })
    return hits
  }
}
