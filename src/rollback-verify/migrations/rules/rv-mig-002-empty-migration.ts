import type { AnalyzedMigration } from '../../sql/analyze.js'
import { markerLine, type MigrationHit, type MigrationRule } from './types.js'

const label = (m: AnalyzedMigration['migration']): string => `${m.version}${m.name ? ` (${m.name})` : ''}`

/** The down undoes nothing while the up changes the schema: the rollback "succeeds" and changes nothing. */
function emptyDown({ migration: m, up, down }: AnalyzedMigration): MigrationHit | undefined {
  if (!m.up || !m.down) return undefined
  const upDoesSomething = m.js ? true : up !== undefined && !up.blank
  const downEmpty = m.js ? m.js.downEmpty : down?.blank === true
  if (!upDoesSomething || !downEmpty) return undefined
  return {
    path: m.down.path,
    line: m.js ? m.down.startLine : markerLine(m.down.startLine),
    message: `The down migration of ${label(m)} is empty while its up changes the schema.`,
    key: `${m.version}_${m.name}`
  }
}

/**
 * An up with no statements that is either emptied outright (nothing, not even
 * a comment: a truncated file or an unfilled template) or paired with a down
 * that does undo something: the migration cannot be what was meant. A
 * comment-only up without a down is a deliberate no-op and passes.
 */
function emptyUp({ migration: m, up, down }: AnalyzedMigration): MigrationHit | undefined {
  if (!m.up || m.js || !up?.blank) return undefined
  const emptied = m.up.sql.trim() === ''
  const downDoesSomething = down !== undefined && !down.blank
  if (!emptied && !downDoesSomething) return undefined
  const why = downDoesSomething ? 'while its down changes the schema' : 'not even a comment says it is meant to do nothing'
  return {
    path: m.up.path,
    line: markerLine(m.up.startLine),
    message: `The up migration of ${label(m)} is empty (${why}): applying it records the version without changing anything.`,
    key: `${m.version}_${m.name}\u0000up`
  }
}

export const rule: MigrationRule = {
  id: 'RV-MIG-002',
  name: 'empty-migration',
  title: 'Up or down migration is empty',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'An empty down migration "succeeds" and records the rollback while the schema stays as the up left it: the rollback is a lie. An empty up (a truncated file, an unfilled template) records the version as applied while changing nothing.',
  fix: 'Write the statements that undo the up migration, or mark the migration irreversible explicitly (throw / down = false) so the gap is visible. For an empty up: restore its statements, or say in a comment that it is a deliberate no-op (and empty its down too).',
  check(ctx) {
    return ctx.analyzed.flatMap(a => [emptyDown(a), emptyUp(a)].filter((h): h is MigrationHit => h !== undefined))
  }
}
