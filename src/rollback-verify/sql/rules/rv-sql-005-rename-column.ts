import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { relationKey } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-005',
  name: 'rename-column',
  title: 'Column renamed in place',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'The application version still running uses the old name and fails the moment the rename commits; rolling the code back fails the same way.',
  fix: 'Add the new column, write to both, backfill, switch reads, then drop the old column in a later deployment.',
  anchors: { squawk: 'renaming-column', atlas: 'BC102', strong_migrations: 'rename_column' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'RenameStmt' && s.node.renameType === 'OBJECT_COLUMN')
      .filter(s => !ctx.isNew(relationKey(s.node.relation), s.index))
      .map(s =>
        hit(s, `Renaming ${relationKey(s.node.relation) ?? '?'}.${str(s.node.subname) ?? '?'} to ${str(s.node.newname) ?? '?'} breaks every client that uses the old name.`, str(s.node.subname))
      )
  }
}
