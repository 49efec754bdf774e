import type { MigrationHit, MigrationRule } from './types.js'

/** RV-SQL rules whose statements break the code version running next to them. */
const DESTRUCTIVE = new Set(['RV-SQL-001', 'RV-SQL-002', 'RV-SQL-003', 'RV-SQL-004', 'RV-SQL-005', 'RV-SQL-006', 'RV-SQL-007'])

export const rule: MigrationRule = {
  id: 'RV-MIG-006',
  name: 'destructive-with-app-code',
  title: 'Destructive migration in the same deployment as code changes',
  severity: 'high',
  kind: 'policy',
  rationale: 'Never run destructive migrations in the same deployment as code changes: if the code is rolled back, the data or columns it needs are already gone.',
  fix: 'Ship the code that stops using the object first; drop, rename or retype it in a later deployment with no application changes.',
  check(ctx) {
    const git = ctx.git
    if (!git || git.appChanged.length === 0) return []
    const changed = new Set(git.changedMigrations.map(f => f.path))
    return ctx.sqlFindings
      .filter(f => DESTRUCTIVE.has(f.ruleId) && changed.has(f.path))
      .map<MigrationHit>(f => ({
        path: f.path,
        line: f.line,
        message: `${f.ruleId}: ${f.message} It ships together with application changes (${git.appChanged.length} files since ${git.baseRef}).`,
        key: f.fingerprint
      }))
  }
}
