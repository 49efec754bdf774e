import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-003',
  name: 'irreversible-down',
  title: 'Migration marked irreversible',
  severity: 'info',
  kind: 'misconfiguration',
  rationale: 'The author declared this migration irreversible (down = false or a down that throws); rolling back past it needs a forward fix.',
  fix: 'Keep the release that contains it small and make sure a forward fix is ready; note the decision in the pull request.',
  check(ctx) {
    const hits: MigrationHit[] = []
    for (const { migration: m } of ctx.analyzed) {
      if (!m.js || !(m.js.downDisabled || m.js.downThrows)) continue
      const path = m.down?.path ?? m.up?.path ?? ''
      hits.push({
        path,
        line: m.down?.startLine ?? m.js.downLine ?? 1,
        message: `Migration ${m.version} (${m.name}) is irreversible by design (${m.js.downDisabled ? 'down = false' : 'down throws'}).`,
        key: `${m.version}_${m.name}`
      })
    }
    return hits
  }
}
