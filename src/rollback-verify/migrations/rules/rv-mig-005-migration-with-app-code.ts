import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-005',
  name: 'migration-with-app-code',
  title: 'Migration changed together with application code',
  severity: 'medium',
  kind: 'policy',
  rationale:
    'Expand-contract: migrations ship first and must work with the code already running; shipping them in the same deployment as the code that needs them means a code rollback leaves a schema the old code may not handle.',
  fix: 'Split the change: merge and deploy the backward-compatible migration first, then the application change.',
  check(ctx) {
    const git = ctx.git
    if (!git || git.appChanged.length === 0) return []
    const sample = git.appChanged.slice(0, 5).join(', ') + (git.appChanged.length > 5 ? `, … (${git.appChanged.length} files)` : '')
    return git.changedMigrations.map<MigrationHit>(file => ({
      path: file.path,
      line: 1,
      message: `${file.path} changes in the same range (${git.baseRef}...HEAD) as application code: ${sample}.`,
      key: git.baseRef
    }))
  }
}
