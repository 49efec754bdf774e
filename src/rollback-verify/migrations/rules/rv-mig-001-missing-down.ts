import type { Migration } from '../discover.js'
import { markerLine, type MigrationHit, type MigrationRule } from './types.js'

/** node-pg-migrate operations it cannot reverse on its own. */
const PGM_IRREVERSIBLE = /\bpgm\.(sql|db\.query|drop\w*|alter\w*|func|noTransaction)\b/

function autoReversible(m: Migration): boolean {
  return m.js !== undefined && m.js.usesPgm && !PGM_IRREVERSIBLE.test(m.up?.text ?? '')
}

export const rule: MigrationRule = {
  id: 'RV-MIG-001',
  name: 'missing-down',
  title: 'Up migration without a down migration',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without a down migration the schema cannot be rolled back with the code: an emergency rollback becomes a hand-written script under pressure.',
  fix: 'Write the down migration (golang-migrate .down.sql, dbmate -- migrate:down, Flyway U-file, sqitch revert/, knex/node-pg-migrate down) and let the drill prove it.',
  check(ctx) {
    if (ctx.set.tool === 'prisma') return [] // RV-MIG-010 explains Prisma once
    const hits: MigrationHit[] = []
    for (const { migration, up } of ctx.analyzed) {
      const m = migration
      if (!m.up || m.down) continue
      if (up?.blank) continue
      if (autoReversible(m)) continue
      const where = ctx.set.tool === 'flyway' ? ' (Flyway runs U-files only in Teams/Enterprise editions)' : ''
      hits.push({
        path: m.up.path,
        line: m.js ? m.up.startLine : markerLine(m.up.startLine),
        message: `Migration ${m.version}${m.name ? ` (${m.name})` : ''} has no down migration${where}.`,
        key: `${m.version}_${m.name}`
      })
    }
    return hits
  }
}
