import { buildContext, isNonTransactional } from '../../sql/context.js'
import type { MigrationHit, MigrationRule } from './types.js'

const ADVICE: Record<string, string> = {
  'golang-migrate': 'golang-migrate sends a multi-statement file in one Exec, which PostgreSQL runs as one implicit transaction; put the statement alone in its own migration',
  prisma: 'Prisma sends the file as one script (one implicit transaction); put the statement in its own migration',
  dbmate: 'dbmate wraps each section in a transaction; write `-- migrate:up transaction:false` (and keep the statement alone)',
  flyway: 'Flyway refuses to mix transactional and non-transactional statements in one migration; move it to its own migration',
  'node-pg-migrate': 'node-pg-migrate wraps the migration in a transaction; call pgm.noTransaction()',
  knex: 'knex wraps the migration in a transaction; export config = { transaction: false }'
}

export const rule: MigrationRule = {
  id: 'RV-MIG-012',
  name: 'non-transactional-in-transaction',
  title: 'CONCURRENTLY (or other non-transactional statement) in a file the tool runs in a transaction',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'PostgreSQL rejects CREATE INDEX CONCURRENTLY and friends inside a transaction block, so the migration fails at deploy time and may leave the tool\'s bookkeeping dirty.',
  fix: 'Give the statement its own migration and switch the tool\'s transaction off for it (dbmate transaction:false, pgm.noTransaction(), knex config.transaction = false).',
  anchors: { squawk: 'ban-concurrent-index-creation-in-transaction' },
  check(ctx) {
    const hits: MigrationHit[] = []
    for (const { migration: m, up, down } of ctx.analyzed) {
      if (m.js) {
        const text = m.up?.text ?? ''
        const at = /\bCONCURRENTLY\b/i.exec(text)
        if (at && m.transactional && m.up) {
          hits.push({ path: m.up.path, line: text.slice(0, at.index).split('\n').length, message: `CONCURRENTLY inside a transactional migration: ${ADVICE[ctx.set.tool] ?? ''}.`, key: `${m.version}:js` })
        }
        continue
      }
      for (const [part, transactional] of [[up, m.transactional], [down, m.downTransactional ?? m.transactional]] as const) {
        if (!part || part.statements.length === 0) continue
        const sqlCtx = buildContext(ctx.set.tool, m, part.part.path, part.statements, transactional)
        if (!sqlCtx.toolTransaction) continue
        for (const s of part.statements) {
          if (!isNonTransactional(s) || sqlCtx.inExplicitTransaction(s.index)) continue
          hits.push({ path: part.part.path, line: s.line, message: `${s.text.split(/\s+/).slice(0, 4).join(' ')}… cannot run in a transaction: ${ADVICE[ctx.set.tool] ?? 'the tool runs this file in a transaction'}.`, key: s.text })
        }
      }
    }
    return hits
  }
}
