import { isObj, str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlHit, type SqlRule } from '../context.js'
import { columnConstraints, columnName, qualifiedName } from '../names.js'

/** Functions that are not VOLATILE, so PostgreSQL 11+ stores the default without rewriting the table. */
const NOT_VOLATILE = new Set([
  'now', 'transaction_timestamp', 'statement_timestamp', 'current_date', 'current_timestamp', 'localtimestamp',
  'lower', 'upper', 'coalesce', 'to_json', 'to_jsonb', 'json_build_object', 'jsonb_build_object', 'json_build_array',
  'jsonb_build_array', 'make_date', 'make_interval', 'date_trunc', 'array_fill'
])

function calledFunctions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach(n => calledFunctions(n, out))
  else if (isObj(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall' && isObj(value)) out.push(qualifiedName(value.funcname).toLowerCase())
      calledFunctions(value, out)
    }
  }
  return out
}

export const rule: SqlRule = {
  id: 'RV-SQL-010',
  name: 'volatile-default',
  title: 'Column added with a volatile default',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A VOLATILE default (random(), gen_random_uuid(), clock_timestamp(), an unknown function) must be computed per row, so PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock. Constants and now() are stored once on PostgreSQL 11+.',
  fix: 'Add the column without the default (or with a constant), set the default in a separate statement, and backfill existing rows in batches.',
  anchors: { squawk: 'adding-field-with-default', strong_migrations: 'add_column_default_callable' },
  check(ctx) {
    const hits: SqlHit[] = []
    existingTableCommands(ctx, (s, cmd, table) => {
      if (cmd.subtype !== 'AT_AddColumn') return
      const fallback = columnConstraints(cmd.def).find(c => str(c.contype) === 'CONSTR_DEFAULT')
      const volatile = calledFunctions(fallback?.raw_expr).filter(name => !NOT_VOLATILE.has(name.replace(/^pg_catalog\./, '')))
      if (volatile.length === 0) return
      const column = columnName(cmd.def)
      hits.push(hit(s, `Column ${table}.${column} gets a default calling ${volatile.join(', ')}(), which rewrites the whole table.`, column))
    })
    return hits
  }
}
