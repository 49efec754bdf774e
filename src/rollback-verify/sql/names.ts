import { arr, obj, str, type Obj } from '../common/node.js'

/** `schema.table` in lower case, without the default `public.` so both spellings match. */
export function relationKey(relation: unknown): string | undefined {
  const r = obj(relation)
  const name = str(r?.relname)
  if (!name) return undefined
  const schema = str(r?.schemaname)
  // The parser already folds unquoted identifiers to lower case; quoted ones keep their case, as in PostgreSQL.
  return schema && schema !== 'public' ? `${schema}.${name}` : name
}

/** Names from a list of `{String: {sval}}` nodes, joined with dots. */
export function qualifiedName(list: unknown): string {
  return arr(list)
    .map(item => str(obj(obj(item)?.String)?.sval))
    .filter((s): s is string => s !== undefined)
    .join('.')
}

/** DropStmt objects → names (`List.items` of Strings, or a bare String). */
export function droppedNames(node: Obj): string[] {
  return arr(node.objects).map(item => {
    const list = obj(obj(item)?.List)
    if (list) {
      const parts = arr(list.items).map(p => str(obj(obj(p)?.String)?.sval) ?? '')
      const name = parts.length === 2 && parts[0] === 'public' ? parts[1] ?? '' : parts.join('.')
      return name
    }
    return str(obj(obj(item)?.String)?.sval) ?? ''
  })
}

/** The AlterTableCmd nodes of an AlterTableStmt. */
export function alterCommands(node: Obj): Obj[] {
  return arr(node.cmds)
    .map(c => obj(obj(c)?.AlterTableCmd))
    .filter((c): c is Obj => c !== undefined)
}

/** The ColumnDef inside an ALTER TABLE sub-command's `def` (or the ColumnDef itself). */
export function columnDef(def: unknown): Obj | undefined {
  return obj(obj(def)?.ColumnDef) ?? obj(def)
}

export function columnName(def: unknown): string {
  return str(columnDef(def)?.colname) ?? '?'
}

/** Constraint nodes of a ColumnDef. */
export function columnConstraints(def: unknown): Obj[] {
  return arr(columnDef(def)?.constraints)
    .map(c => obj(obj(c)?.Constraint))
    .filter((c): c is Obj => c !== undefined)
}

/** The last part of a ColumnDef's type name (int4, serial, text…). */
export function typeNameOf(def: unknown): string {
  const names = arr(obj(columnDef(def)?.typeName)?.names)
  return (str(obj(obj(names[names.length - 1])?.String)?.sval) ?? '').toLowerCase()
}

/** DefElem names of an options list (VACUUM (FULL), REINDEX (CONCURRENTLY)…). */
export function optionNames(list: unknown): string[] {
  return arr(list)
    .map(o => str(obj(obj(o)?.DefElem)?.defname))
    .filter((s): s is string => s !== undefined)
    .map(s => s.toLowerCase())
}
