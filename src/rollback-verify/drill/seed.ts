import { BOOKKEEPING_TABLES } from './snapshot.js'
import type { DrillEngine } from './engine.js'

/** Rows of each seeded table, keyed by the table's qualified (quoted) name. */
export type TableData = Map<string, Array<Record<string, unknown>>>

interface ColumnInfo {
  tbl: string
  col: string
  type: string
  enum_label: string | null
}

const COLUMNS_SQL = `
select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl, quote_ident(a.attname) as col,
       format_type(a.atttypid, a.atttypmod) as type,
       (select e.enumlabel from pg_enum e where e.enumtypid = a.atttypid order by e.enumsortorder limit 1) as enum_label
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'p') and n.nspname not in ('information_schema', 'sqitch') and n.nspname not like 'pg\\_%'
  and c.relname not in (${BOOKKEEPING_TABLES.map(t => `'${t}'`).join(', ')})
  and a.attidentity = '' and a.attgenerated = ''
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  and not exists (select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f' and a.attnum = any (f.conkey))
order by 1, a.attnum`

/** A literal of the column's type that differs per round, or undefined to leave the column to its default. */
function valueFor(column: ColumnInfo, round: number): string | undefined {
  const type = column.type
  const cast = (literal: string) => `'${literal}'::${type}`
  if (column.enum_label !== null) return `'${column.enum_label.replace(/'/g, "''")}'::${type}`
  if (type.endsWith('[]')) return cast('{}')
  if (/^(smallint|integer|bigint)$/.test(type)) return String(100 + round)
  if (/^(numeric|real|double precision)/.test(type)) return `${100 + round}.5`
  if (type === 'boolean') return 'true'
  if (/^(text|character varying|character|citext)/.test(type)) return cast(`s${round}`)
  if (type === 'uuid') return cast(`00000000-0000-4000-8000-${String(round).padStart(12, '0')}`)
  if (/^(json|jsonb)$/.test(type)) return cast(`{"seed": ${round}}`)
  if (/^(timestamp|date)/.test(type)) return cast(`2020-01-${String((round % 27) + 1).padStart(2, '0')} 03:04:05`)
  if (/^time/.test(type)) return cast('03:04:05')
  if (type === 'interval') return cast(`${round} days`)
  if (type === 'bytea') return cast('\\x0102')
  if (type === 'inet' || type === 'cidr') return cast(`10.0.0.${round % 250}`)
  return undefined
}

/**
 * Inserts one row per user table. Tables whose constraints reject a generic row (foreign keys,
 * checks) are skipped: the seed is best effort, and the drill only compares what got in.
 */
export async function seedTables(engine: DrillEngine, round: number): Promise<string[]> {
  const columns = await engine.query<ColumnInfo & Record<string, unknown>>(COLUMNS_SQL)
  const byTable = new Map<string, ColumnInfo[]>()
  for (const column of columns) byTable.set(column.tbl, [...(byTable.get(column.tbl) ?? []), column])
  const seeded: string[] = []
  for (const [table, cols] of byTable) {
    const values = cols.map(c => [c.col, valueFor(c, round)] as const).filter((e): e is readonly [string, string] => e[1] !== undefined)
    const sql =
      values.length === 0
        ? `insert into ${table} default values`
        : `insert into ${table} (${values.map(v => v[0]).join(', ')}) values (${values.map(v => v[1]).join(', ')})`
    try {
      await engine.exec(sql)
      seeded.push(table)
    } catch (error) {
      if (error instanceof Error && error.name === 'DrillTimeoutError') throw error
    }
  }
  return seeded
}

export async function captureData(engine: DrillEngine, tables: string[]): Promise<TableData> {
  const data: TableData = new Map()
  const existing = new Set(
    (await engine.query<{ tbl: string }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')`
    )).map(r => r.tbl)
  )
  for (const table of tables) {
    if (!existing.has(table)) continue
    const rows = await engine.query<{ rows: string }>(`select coalesce(json_agg(row_to_json(t))::text, '[]') as rows from ${table} t`)
    const parsed: unknown = JSON.parse(rows[0]?.rows ?? '[]')
    data.set(table, Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [])
  }
  return data
}

const display = (table: string) => table.replace(/^public\./, '')

/** What the round trip lost: columns whose seeded values changed, tables that lost rows. */
export function dataLosses(before: TableData, after: TableData): string[] {
  const losses: string[] = []
  for (const [table, rowsBefore] of before) {
    const rowsAfter = after.get(table)
    if (!rowsAfter) continue // the table itself is gone: a schema difference, reported by RV-DRILL-004
    if (rowsAfter.length < rowsBefore.length) {
      losses.push(`${rowsBefore.length - rowsAfter.length} of ${rowsBefore.length} rows of ${display(table)} are gone`)
      continue
    }
    const columnsAfter = new Set(rowsAfter.flatMap(r => Object.keys(r)))
    const columnsBefore = new Set(rowsBefore.flatMap(r => Object.keys(r)))
    for (const column of columnsBefore) {
      if (!columnsAfter.has(column)) continue
      const valuesBefore = rowsBefore.map(r => JSON.stringify(r[column] ?? null)).sort()
      const valuesAfter = rowsAfter.map(r => JSON.stringify(r[column] ?? null)).sort()
      if (valuesBefore.join('\u0000') === valuesAfter.join('\u0000')) continue
      const nulls = rowsAfter.filter(r => r[column] === null || r[column] === undefined).length
      const nullsBefore = rowsBefore.filter(r => r[column] === null || r[column] === undefined).length
      losses.push(
        nulls > nullsBefore
          ? `column ${display(table)}.${column}: ${nulls - nullsBefore} seeded value(s) came back NULL`
          : `column ${display(table)}.${column}: seeded values changed`
      )
    }
  }
  return losses
}
