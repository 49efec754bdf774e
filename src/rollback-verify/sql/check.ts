import type { Finding } from '../../core/finding.js'
import { makeFinding } from '../common/finding.js'
import { effectiveRule, type RollbackVerifyConfig } from '../config.js'
import type { MigrationSet } from '../migrations/discover.js'
import type { AnalyzedMigration } from './analyze.js'
import { buildContext } from './context.js'
import { SQL_RULES } from './rules/index.js'

/**
 * Runs RV-SQL-001…023 over the up direction of every parsed migration
 * (strong_migrations' default: a down's destructive statements are the point
 * of it), and with `check-down: true` the locking rules over downs as well.
 * Files that did not parse are skipped here; RV-MIG-014 reports them once.
 */
export function checkSql(set: MigrationSet, analyzed: AnalyzedMigration[], config: RollbackVerifyConfig): Finding[] {
  const rules = SQL_RULES.map(rule => effectiveRule(rule, config)).filter(r => r !== undefined)
  const downRules = config['check-down'] ? rules.filter(rule => LOCK_RULES.has(rule.id)) : []
  const findings: Finding[] = []
  for (const { migration, up, down } of analyzed) {
    const directions = [
      { part: up, transactional: migration.transactional, rules, direction: 'up' },
      { part: down, transactional: migration.downTransactional ?? migration.transactional, rules: downRules, direction: 'down' }
    ]
    for (const { part, transactional, rules: active, direction } of directions) {
      if (!part || part.parseError || part.statements.length === 0 || active.length === 0) continue
      const ctx = buildContext(set.tool, migration, part.part.path, part.statements, transactional, part.builderTables)
      for (const rule of active) {
        for (const h of rule.check(ctx)) {
          findings.push(
            makeFinding(rule, {
              path: part.part.path,
              line: h.statement.line,
              message: direction === 'down' ? `${h.message} (down migration: it runs during an emergency rollback)` : h.message,
              key: `${direction}\u0000${h.statement.text.replace(/\s+/g, ' ')}\u0000${h.key ?? ''}`,
              properties: { migration: `${migration.version}_${migration.name}`, tool: set.tool, direction, statement: h.statement.text.slice(0, 200) }
            })
          )
        }
      }
    }
  }
  return findings
}

/** Locking rules worth running on down migrations too (`check-down: true`): an unsafe down bites exactly during an emergency rollback. */
const LOCK_RULES = new Set(['RV-SQL-011', 'RV-SQL-012', 'RV-SQL-013', 'RV-SQL-016', 'RV-SQL-017', 'RV-SQL-021', 'RV-SQL-022'])
