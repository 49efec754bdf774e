import { basename } from 'node:path'
import type { Migration } from '../types.js'
import { canonicalVersion } from '../version.js'
import { FLYWAY, part, type ReaderEnv } from './env.js'

/** Flyway: `V<ver>__<desc>.sql` with optional undo `U<ver>__`; a `<file>.conf` may set executeInTransaction=false. */
export async function readFlyway(env: ReaderEnv): Promise<Migration[]> {
  const { all, rel, read, notices } = env
  const migrations: Migration[] = []
  const byVersionKey = new Map<string, Migration>()
  for (const file of all) {
    const base = basename(file)
    if (/^R__.+\.sql$/.test(base)) {
      notices.push(`${rel(file)}: repeatable migration; not part of the up/down pairing`)
      continue
    }
    const m = FLYWAY.exec(base)
    if (!m) continue
    const [, kind, rawVersion = '', name = ''] = m
    const version = rawVersion.replace(/_/g, '.')
    const text = await read(file)
    if (text === undefined) continue
    const key = canonicalVersion(version)
    const existing = byVersionKey.get(key)
    const conf = all.includes(`${file}.conf`) ? await read(`${file}.conf`) : undefined
    const transactional = !/executeInTransaction\s*=\s*false/.test(conf ?? '')
    if (kind === 'V') {
      if (existing?.up) {
        migrations.push({ version, name, up: part(rel(file), text), transactional }) // duplicate version: kept for RV-MIG-007
        continue
      }
      const target = existing ?? { version, name, transactional }
      target.up = part(rel(file), text)
      target.name = name
      target.transactional = transactional
      if (!existing) byVersionKey.set(key, target)
    } else {
      const target = existing ?? { version, name, transactional }
      target.down = part(rel(file), text)
      if (!existing) byVersionKey.set(key, target)
    }
  }
  return [...migrations, ...byVersionKey.values()]
}
