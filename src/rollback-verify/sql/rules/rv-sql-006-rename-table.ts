import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { relationKey } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-006',
  name: 'rename-table',
  title: 'Table renamed in place',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'The running application version queries the old table name and fails as soon as the rename commits.',
  fix: 'Create the new table (or a view with the new name), migrate clients, and drop the old name in a later deployment.',
  anchors: { squawk: 'renaming-table', atlas: 'BC101', strong_migrations: 'rename_table' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'RenameStmt' && s.node.renameType === 'OBJECT_TABLE')
      .filter(s => !ctx.isNew(relationKey(s.node.relation), s.index))
      .map(s => hit(s, `Renaming table ${relationKey(s.node.relation) ?? '?'} to ${str(s.node.newname) ?? '?'} breaks every client that uses the old name.`))
  }
}
