import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { qualifiedName } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-019',
  name: 'rename-enum-value',
  title: 'Enum value renamed',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'The running application still sends the old label; every insert or comparison with it fails once the rename commits.',
  fix: 'Add the new value, migrate rows and code to it, and stop using the old value before retiring it.',
  anchors: { strong_migrations: 'rename_enum_value' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'AlterEnumStmt' && str(s.node.oldVal) !== undefined)
      .map(s => hit(s, `Renaming value '${str(s.node.oldVal) ?? ''}' of enum ${qualifiedName(s.node.typeName)} breaks clients that still use it.`))
  }
}
