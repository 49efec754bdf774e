import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { droppedNames } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-012',
  name: 'drop-index-blocking',
  title: 'DROP INDEX without CONCURRENTLY',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, queueing every read and write behind it.',
  fix: 'Use DROP INDEX CONCURRENTLY, outside a transaction.',
  anchors: { squawk: 'require-concurrent-index-deletion', strong_migrations: 'remove_index' },
  check(ctx) {
    const createdHere = new Map<string, number>()
    ctx.statements.forEach(s => {
      const name = s.kind === 'IndexStmt' ? str(s.node.idxname) : undefined
      if (name && !createdHere.has(name)) createdHere.set(name, s.index)
    })
    return ctx.statements
      .filter(s => s.kind === 'DropStmt' && s.node.removeType === 'OBJECT_INDEX' && s.node.concurrent !== true)
      .filter(s => droppedNames(s.node).some(name => (createdHere.get(name) ?? Infinity) > s.index))
      .map(s => hit(s, `DROP INDEX ${droppedNames(s.node).join(', ')} locks the table exclusively; add CONCURRENTLY.`))
  }
}
