import { markerLine, type MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-009',
  name: 'orphan-down',
  title: 'Down migration without an up migration',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A down with no matching up usually means a renamed or mistyped file: the real up has no down, and this one never runs.',
  fix: 'Rename the down to match its up (same version and name), or delete it.',
  check(ctx) {
    return ctx.set.migrations
      .filter(m => m.down && !m.up)
      .map(m => ({
        path: m.down?.path ?? '',
        line: markerLine(m.down?.startLine ?? 1),
        message: `Down migration for version ${m.version} has no up migration.`,
        key: m.version
      }))
  }
}
