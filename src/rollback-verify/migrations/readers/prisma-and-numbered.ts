import type { Migration } from '../types.js'
import { NUMBERED, part, PRISMA_DIR, type ReaderEnv } from './env.js'

/** Prisma: `<ts>_name/migration.sql`, up only; the script runs as one implicit transaction. */
export async function readPrisma(env: ReaderEnv): Promise<Migration[]> {
  const { all, rel, read } = env
  const migrations: Migration[] = []
  for (const file of all) {
    const m = /^([^/]+)\/migration\.sql$/.exec(file)
    const dirMatch = m ? PRISMA_DIR.exec(m[1] ?? '') : null
    if (!m || !dirMatch) continue
    const text = await read(file)
    if (text === undefined) continue
    migrations.push({ version: dirMatch[1] ?? '', name: dirMatch[2] ?? '', up: part(rel(file), text), transactional: true })
  }
  return migrations
}

/** Plain numbered SQL files (`001_name.sql`), up only, run by an unknown runner (no transaction assumed). */
export async function readNumbered(env: ReaderEnv): Promise<Migration[]> {
  const { top, rel, read } = env
  const migrations: Migration[] = []
  for (const file of top) {
    const m = NUMBERED.exec(file)
    if (!m) continue
    const text = await read(file)
    if (text === undefined) continue
    migrations.push({ version: m[1] ?? '', name: m[2] ?? '', up: part(rel(file), text), transactional: false })
  }
  return migrations
}
