import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-011',
  name: 'applied-migration-edited',
  title: 'Migration that already exists on the base branch was edited',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Databases that already applied the old text never run the new one (Flyway fails its checksum validation), so environments drift apart and the rollback path differs per environment.',
  fix: 'Revert the edit and add a new migration with the change.',
  check(ctx) {
    const git = ctx.git
    if (!git) return []
    const base = new Set(git.baseFiles)
    const ups = new Set(ctx.set.migrations.flatMap(m => (m.up ? [m.up.path] : [])))
    return git.changedMigrations
      .filter(f => f.status === 'M' && base.has(f.path) && ups.has(f.path))
      .map<MigrationHit>(f => ({ path: f.path, line: 1, message: `${f.path} already exists on ${git.baseRef} and was modified.`, key: git.baseRef }))
  }
}
