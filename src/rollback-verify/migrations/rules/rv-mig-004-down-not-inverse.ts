import { str } from '../../common/node.js'
import type { ParsedPart } from '../../sql/analyze.js'
import { alterCommands, columnName, droppedNames, relationKey } from '../../sql/names.js'
import { markerLine, type MigrationHit, type MigrationRule } from './types.js'

interface Effects {
  created: Set<string>
  dropped: Set<string>
}

/** Objects a migration direction creates and drops, as `table:x`, `column:t.c`, `index:i`. */
function effects(part: ParsedPart): Effects {
  const created = new Set<string>()
  const dropped = new Set<string>()
  for (const s of part.statements) {
    const n = s.node
    if (s.kind === 'CreateStmt') created.add(`table:${relationKey(n.relation)}`)
    if (s.kind === 'IndexStmt' && str(n.idxname)) created.add(`index:${str(n.idxname) ?? ''}`)
    if (s.kind === 'DropStmt') {
      const kind = n.removeType === 'OBJECT_TABLE' ? 'table' : n.removeType === 'OBJECT_INDEX' ? 'index' : undefined
      if (kind) droppedNames(n).forEach(name => dropped.add(`${kind}:${name}`))
    }
    if (s.kind === 'AlterTableStmt') {
      const table = relationKey(n.relation)
      for (const cmd of alterCommands(n)) {
        if (cmd.subtype === 'AT_AddColumn') created.add(`column:${table}.${columnName(cmd.def)}`)
        if (cmd.subtype === 'AT_DropColumn') dropped.add(`column:${table}.${str(cmd.name) ?? ''}`)
      }
    }
  }
  return { created, dropped }
}

/** A column counts as undone when its table is dropped too. */
function covered(item: string, other: Set<string>): boolean {
  if (other.has(item)) return true
  const column = /^column:(.+)\.[^.]+$/.exec(item)
  return column !== null && other.has(`table:${column[1]}`)
}

export const rule: MigrationRule = {
  id: 'RV-MIG-004',
  name: 'down-not-inverse',
  title: 'Down migration does not undo the up migration',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A down that leaves tables, columns or indexes of the up behind (or does not recreate what the up dropped) makes the next up fail or leaves the schema in a state no release expects.',
  fix: 'Make the down drop everything the up creates and recreate everything it drops; run the drill (mode drill) to prove the round trip.',
  check(ctx) {
    const hits: MigrationHit[] = []
    for (const { migration: m, up, down } of ctx.analyzed) {
      // JS migrations: the query builder's work is invisible, so the raw SQL alone cannot be compared.
      if (m.js || !up || !down || up.parseError || down.parseError || down.blank || !m.down) continue
      const u = effects(up)
      const d = effects(down)
      const leftBehind = [...u.created].filter(x => !covered(x, d.dropped))
      const notRestored = [...u.dropped].filter(x => !covered(x, d.created))
      if (leftBehind.length === 0 && notRestored.length === 0) continue
      const parts = [
        leftBehind.length > 0 && `leaves ${leftBehind.join(', ')} in place`,
        notRestored.length > 0 && `does not recreate ${notRestored.join(', ')}`
      ].filter(Boolean)
      hits.push({
        path: m.down.path,
        line: markerLine(m.down.startLine),
        message: `The down migration of ${m.version}${m.name ? ` (${m.name})` : ''} ${parts.join(' and ')}.`,
        key: `${m.version}_${m.name}:${[...leftBehind, ...notRestored].sort().join(',')}`
      })
    }
    return hits
  }
}
