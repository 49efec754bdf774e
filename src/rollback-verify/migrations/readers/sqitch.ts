import type { Migration } from '../types.js'
import { part, type ReaderEnv } from './env.js'

/** sqitch: changes in `sqitch.plan` order, `deploy/<change>.sql` paired with `revert/<change>.sql`. */
export async function readSqitch(env: ReaderEnv): Promise<Migration[]> {
  const { all, rel, read, errors } = env
  const migrations: Migration[] = []
  const plan = await read('sqitch.plan')
  if (plan === undefined) return []
  const changes = plan
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !/^[%#@]/.test(line))
    .map(line => line.split(/\s+/)[0] ?? '')
    .filter(name => /^[\w.:-]+$/.test(name))
  const seen = new Set<string>()
  for (const [index, change] of changes.entries()) {
    if (seen.has(change)) continue // reworked change: sqitch keeps @tag copies; the latest files are what run
    seen.add(change)
    const version = String(index + 1).padStart(4, '0')
    const deployFile = `deploy/${change}.sql`
    const revertFile = `revert/${change}.sql`
    const deploy = all.includes(deployFile) ? await read(deployFile) : undefined
    const revert = all.includes(revertFile) ? await read(revertFile) : undefined
    if (!all.includes(deployFile)) errors.push({ path: rel('sqitch.plan'), message: `change "${change}" has no ${deployFile}` })
    migrations.push({
      version,
      name: change,
      ...(deploy !== undefined && { up: part(rel(deployFile), deploy) }),
      ...(revert !== undefined && { down: part(rel(revertFile), revert) }),
      transactional: false
    })
  }
  return migrations
}
