import { markerLine, type MigrationHit, type MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-002',
  name: 'empty-down',
  title: 'Down migration is empty',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'An empty down migration "succeeds" and records the rollback while the schema stays as the up left it: the rollback is a lie.',
  fix: 'Write the statements that undo the up migration, or mark the migration irreversible explicitly (throw / down = false) so the gap is visible.',
  check(ctx) {
    const hits: MigrationHit[] = []
    for (const { migration: m, up, down } of ctx.analyzed) {
      if (!m.up || !m.down) continue
      const upDoesSomething = m.js ? true : up !== undefined && !up.blank
      const downEmpty = m.js ? m.js.downEmpty : down?.blank === true
      if (!upDoesSomething || !downEmpty) continue
      hits.push({
        path: m.down.path,
        line: m.js ? m.down.startLine : markerLine(m.down.startLine),
        message: `The down migration of ${m.version}${m.name ? ` (${m.name})` : ''} is empty while its up changes the schema.`,
        key: `${m.version}_${m.name}`
      })
    }
    return hits
  }
}
