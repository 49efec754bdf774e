import { str } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { relationKey } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-011',
  name: 'create-index-blocking',
  title: 'CREATE INDEX without CONCURRENTLY on an existing table',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A plain CREATE INDEX blocks every write to the table until the index is built, which on a large table is an outage.',
  fix: 'Use CREATE INDEX CONCURRENTLY, outside a transaction (its own migration file, or the tool\'s no-transaction mode).',
  anchors: { squawk: 'require-concurrent-index-creation', strong_migrations: 'add_index', eugene: 'E6' },
  check(ctx) {
    return ctx.statements
      .filter(s => s.kind === 'IndexStmt' && s.node.concurrent !== true)
      .filter(s => !ctx.isNew(relationKey(s.node.relation), s.index))
      .map(s => hit(s, `CREATE INDEX ${str(s.node.idxname) ?? ''} on ${relationKey(s.node.relation) ?? '?'} blocks writes while it builds; add CONCURRENTLY.`))
  }
}
