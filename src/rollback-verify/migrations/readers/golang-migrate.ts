import type { Migration } from '../types.js'
import { canonicalVersion } from '../version.js'
import { GOLANG_MIGRATE, part, type ReaderEnv } from './env.js'

/** golang-migrate: `N_name.up.sql` / `N_name.down.sql`, paired by version. The tool does not wrap files in a transaction. */
export async function readGolangMigrate(env: ReaderEnv): Promise<Migration[]> {
  const { top, rel, read, notices } = env
  const byKey = new Map<string, Migration[]>()
  // Ups first, so each down can find the up of its own name before falling back to any up of that version.
  const ordered = [...top.filter(f => f.endsWith('.up.sql')), ...top.filter(f => !f.endsWith('.up.sql'))]
  for (const file of ordered) {
    const m = GOLANG_MIGRATE.exec(file)
    if (!m) {
      if (file.endsWith('.sql')) notices.push(`${rel(file)}: not named N_name.up.sql / N_name.down.sql; golang-migrate ignores it`)
      continue
    }
    const [, version = '', name = '', direction] = m
    const text = await read(file)
    if (text === undefined) continue
    const key = canonicalVersion(version)
    const list = byKey.get(key) ?? []
    byKey.set(key, list)
    // Pair with an entry of the same version still missing this direction, preferring the same name.
    const slot =
      list.find(x => x.name === name && !x[direction === 'up' ? 'up' : 'down']) ?? list.find(x => !x[direction === 'up' ? 'up' : 'down'])
    const target = slot ?? { version, name, transactional: false }
    if (!slot) list.push(target)
    if (direction === 'up') target.up = part(rel(file), text)
    else target.down = part(rel(file), text)
  }
  return [...byKey.values()].flat()
}
