import { canonicalVersion } from '../version.js'
import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-007',
  name: 'duplicate-version',
  title: 'Two migrations share one version',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Migration tools key their bookkeeping on the version: golang-migrate refuses to start, others silently skip one of the files.',
  fix: 'Renumber the newer migration (usually the one from the branch merged last).',
  check(ctx) {
    const first = new Map<string, string>()
    const hits: MigrationHit[] = []
    for (const m of ctx.set.migrations) {
      const path = m.up?.path ?? m.down?.path ?? ''
      const key = canonicalVersion(m.version)
      const earlier = first.get(key)
      if (earlier === undefined) {
        first.set(key, path)
        continue
      }
      if (earlier === path) continue // dbmate/JS: one file holds both directions
      hits.push({ path, line: 1, message: `Version ${m.version} is also used by ${earlier}.`, key: `${key}:${earlier}` })
    }
    return hits
  }
}
