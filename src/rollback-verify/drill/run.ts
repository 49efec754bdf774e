import type { RunContext } from '../../core/context.js'
import { errorMessage } from '../../core/errors.js'
import type { ScanResult } from '../../core/result.js'
import { discoverMigrations } from '../migrations/discover.js'
import { drillMigrations, javascriptOutcome } from './drill.js'
import { DEFAULT_CALL_TIMEOUT_MS, type DrillEngine } from './engine.js'
import { extensionsUsed } from './extensions.js'
import { createPgEngine, redactDatabaseUrl } from './pg-engine.js'
import { createPgliteEngine, pgliteSupportsExtension } from './pglite-engine.js'
import { drillTable } from './table.js'

export interface DrillOptions {
  /** Migrations directory, workspace-relative or absolute. */
  dir: string
  /** A PostgreSQL server to drill on (a throw-away database is created and dropped); default: embedded PGlite. */
  databaseUrl?: string
  /** Budget for every single database call (default 60 s). */
  timeoutMs?: number
  /** Also check that seeded rows survive each up → down round trip (RV-DRILL-006). */
  seed?: boolean
}

export const DRILL_COMMAND = 'rollback-verify'

/** Mode `drill`: runs the migrations in `dir` up, down and up again on a fresh database. */
export async function runDrill(ctx: RunContext, options: DrillOptions): Promise<ScanResult> {
  const set = await discoverMigrations(ctx, options.dir)
  const inputs = [...new Set(set.migrations.flatMap(m => [m.up?.path, m.down?.path]).filter((p): p is string => !!p))]
  const result: ScanResult = { command: DRILL_COMMAND, findings: [], errors: [...set.errors], inputs, notices: [...(set.notices ?? [])] }
  if (set.errors.length > 0) {
    // A migration we could not read would make the drill test a different history: fail closed.
    result.errors.push({ path: set.dir, message: 'migration drill not run: the migration set has the input errors listed above' })
    return result
  }
  const js = javascriptOutcome(set)
  if (js) {
    result.findings.push(...js.findings)
    return result
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    result.errors.push({ path: set.dir, message: `drill timeout must be a positive number of milliseconds, got ${String(options.timeoutMs)}` })
    return result
  }
  const target = options.databaseUrl ? `PostgreSQL at ${redactDatabaseUrl(options.databaseUrl)}` : 'embedded PGlite'
  const extensions = extensionsUsed(set)
  if (!options.databaseUrl) {
    const missing = extensions.filter(e => !pgliteSupportsExtension(e))
    if (missing.length > 0) ctx.logger.warning(`PGlite has no ${missing.join(', ')} extension; migrations needing it end the drill as inconclusive (RV-DRILL-005)`)
  }
  const startedEngine = Date.now()
  let engine: DrillEngine
  try {
    engine = options.databaseUrl
      ? await createPgEngine({ databaseUrl: options.databaseUrl, timeoutMs, onWarning: m => ctx.logger.warning(m) })
      : await createPgliteEngine({ timeoutMs, extensions })
  } catch (error) {
    result.errors.push({ path: set.dir, message: `migration drill could not start ${target}: ${errorMessage(error)}` })
    return result
  }
  const engineMs = Date.now() - startedEngine
  ctx.logger.info(`drilling ${set.migrations.length} ${set.tool} migration(s) from ${set.dir} on ${target} (${engine.version}; started in ${engineMs} ms)`)
  const drillStarted = Date.now()
  try {
    const outcome = await drillMigrations(engine, set, { seed: options.seed ?? false })
    result.findings.push(...outcome.findings)
    result.errors.push(...outcome.errors)
    result.notices?.push(...outcome.notices)
    result.sections = [
      {
        title: `Rollback drill: ${set.dir} (${set.tool}, ${engine.kind})`,
        markdown: drillTable(outcome.steps, { engine: engine.version, engineMs, drillMs: Date.now() - drillStarted })
      }
    ]
  } catch (error) {
    result.errors.push({ path: set.dir, message: `migration drill failed: ${errorMessage(error)}` })
  } finally {
    await engine.close()
  }
  return result
}
