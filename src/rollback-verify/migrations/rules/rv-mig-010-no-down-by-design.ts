import type { MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-010',
  name: 'no-down-by-design',
  title: 'Migration tool without down migrations',
  severity: 'info',
  kind: 'misconfiguration',
  rationale:
    'Prisma Migrate has no down migrations: rolling back means `prisma migrate diff` to generate SQL, `prisma db execute` and `migrate resolve --rolled-back`, or a forward fix.',
  fix: 'Keep migrations backward compatible (expand-contract) so a code rollback needs no schema rollback; prepare the diff-based down script before risky releases.',
  check(ctx) {
    if (ctx.set.tool !== 'prisma') return []
    const first = ctx.set.migrations[0]?.up?.path ?? `${ctx.set.dir}/migration_lock.toml`
    return [{ path: first, line: 1, message: `${ctx.set.dir} uses Prisma Migrate, which has no down migrations; rollback = forward fix or a generated diff.`, key: ctx.set.dir }]
  }
}
