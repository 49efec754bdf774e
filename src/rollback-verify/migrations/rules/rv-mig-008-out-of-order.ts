import { basename } from 'node:path'
import { compareVersions } from '../version.js'
import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-008',
  name: 'out-of-order',
  title: 'New migration sorts before migrations already on the base branch',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A migration whose version is older than ones already applied is skipped by most tools (golang-migrate, Flyway without outOfOrder) or applied in a different order than it was tested in.',
  fix: 'Give the new migration a version after the newest one on the base branch (regenerate its timestamp after rebasing).',
  check(ctx) {
    const git = ctx.git
    if (!git) return []
    const basePaths = new Set(git.baseFiles)
    const baseVersions = ctx.set.migrations
      .filter(m => [m.up?.path, m.down?.path].some(p => p !== undefined && basePaths.has(p)))
      .map(m => m.version)
    if (baseVersions.length === 0) return []
    const newest = baseVersions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b))
    const added = new Set(git.changedMigrations.filter(f => f.status === 'A').map(f => f.path))
    return ctx.set.migrations
      .filter(m => m.up && added.has(m.up.path) && !basePaths.has(m.up.path) && compareVersions(m.version, newest) < 0)
      .map<MigrationHit>(m => ({
        path: m.up?.path ?? '',
        line: 1,
        message: `${basename(m.up?.path ?? '')} has version ${m.version}, older than ${newest} already on ${git.baseRef}.`,
        key: m.version
      }))
  }
}
