import { str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'

export const rule: SqlRule = {
  id: 'RV-SQL-023',
  name: 'drop-not-null',
  title: 'DROP NOT NULL on an existing column',
  severity: 'info',
  kind: 'misconfiguration',
  rationale: 'Readers written for the old schema may not expect NULL in the column; after a rollback of the code they meet rows the old version never produced.',
  fix: 'Make sure every reader (including the previous release) handles NULL before relaxing the constraint.',
  anchors: { squawk: 'ban-drop-not-null' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype === 'AT_DropNotNull') hits.push(hit(s, `${table}.${str(cmd.name) ?? '?'} may now hold NULL; check that older readers cope.`, str(cmd.name)))
    })
    return hits
  }
}
