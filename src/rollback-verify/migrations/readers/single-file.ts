import { looksLikeJsMigration, readJsMigration } from '../js-migration.js'
import { DBMATE_DOWN, DBMATE_UP, PGM_DOWN, PGM_UP, splitSections, type Section } from '../sections.js'
import type { Migration } from '../types.js'
import { NUMBERED, part, TIMESTAMPED_JS, type ReaderEnv } from './env.js'

/**
 * Tools with both directions in one file: dbmate (`-- migrate:up` / `-- migrate:down` sections,
 * each in a transaction unless `transaction:false`), node-pg-migrate (JS exports or SQL with
 * `-- Up Migration` / `-- Down Migration`) and knex (JS `up` / `down` exports).
 */
export async function readSingleFile(env: ReaderEnv, tool: 'dbmate' | 'node-pg-migrate' | 'knex'): Promise<Migration[]> {
  const { top, rel, read, errors, notices } = env
  const migrations: Migration[] = []
  for (const file of top) {
    const isSql = file.endsWith('.sql')
    const m = isSql ? NUMBERED.exec(file) : TIMESTAMPED_JS.exec(file)
    if (!m || (tool === 'dbmate' && !isSql)) continue
    if (tool === 'knex' && isSql) continue
    const text = await read(file)
    if (text === undefined) continue
    const version = m[1] ?? ''
    const name = m[2] ?? ''
    if (isSql) {
      const [upRe, downRe] = tool === 'dbmate' ? [DBMATE_UP, DBMATE_DOWN] : [PGM_UP, PGM_DOWN]
      const split = splitSections(text, upRe, downRe)
      if (!split.up && !split.down) {
        errors.push({ path: rel(file), message: `no ${tool === 'dbmate' ? '-- migrate:up' : '-- Up Migration'} marker; the tool cannot run this file` })
        continue
      }
      if (split.extraMarkers.length > 0) notices.push(`${rel(file)}:${split.extraMarkers[0]}: repeated up/down marker; only the first section of each direction is read`)
      const noTx = (s?: Section): boolean => /transaction\s*:\s*false/.test(s?.options ?? '')
      const upTx = tool === 'dbmate' ? !noTx(split.up) : !/pgm\.noTransaction|transaction\s*:\s*false/.test(text)
      const downTx = tool === 'dbmate' ? !noTx(split.down) : upTx
      migrations.push({
        version,
        name,
        ...(split.up && { up: part(rel(file), text, split.up) }),
        ...(split.down && { down: part(rel(file), text, split.down) }),
        transactional: upTx,
        ...(downTx !== upTx && { downTransactional: downTx })
      })
    } else {
      if (!looksLikeJsMigration(text)) {
        notices.push(`${rel(file)}: no exported up function; not read as a migration`)
        continue
      }
      const js = readJsMigration(text)
      migrations.push({
        version,
        name,
        up: { path: rel(file), text, sql: '', startLine: js.upLine ?? 1 },
        ...(js.downLine !== undefined && { down: { path: rel(file), text, sql: '', startLine: js.downLine } }),
        transactional: !js.noTransaction,
        js
      })
    }
  }
  return migrations
}
