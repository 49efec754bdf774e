import type { Finding } from '../../core/finding.js'
import type { RuleMeta } from '../../core/rule.js'
import type { InputError } from '../../core/result.js'
import { makeFinding } from '../common/finding.js'
import type { Migration, MigrationPart, MigrationSet } from '../migrations/discover.js'
import { type ApplyOutcome, applyPart, type Direction, runModeFor } from './apply.js'
import { type DrillEngine, DrillTimeoutError } from './engine.js'
import { DATA_LOSS, DOWN_DOES_NOT_RESTORE, DOWN_FAILS, DRILL_INCONCLUSIVE, FULL_CYCLE_DIFFERS, UP_FAILS } from './rules.js'
import { captureData, dataLosses, seedTables } from './seed.js'
import { describeDifference, diffSchemas, type SchemaDifference, type SchemaSnapshot, snapshotSchema } from './snapshot.js'

/** One table cell: how a direction went and how long it took. */
export interface StepCell {
  status: 'ok' | 'failed' | 'differs' | 'missing' | 'not run'
  ms?: number
}

export interface DrillStep {
  version: string
  name: string
  path: string
  up: StepCell
  down: StepCell
  reUp: StepCell
}

export interface DrillOutcome {
  findings: Finding[]
  errors: InputError[]
  notices: string[]
  steps: DrillStep[]
}

/** PGlite lacks some server pieces (spec §f); failures from those are the engine's, not the migration's. */
const PGLITE_UNSUPPORTED =
  /extension "[^"]+" is not available|could not open extension control file|could not (?:access|load|open) (?:file|library)|libpqwalreceiver|not supported by this build/i

const MAX_DIFFS_IN_MESSAGE = 12

function label(m: Migration): string {
  return m.name ? `${m.version} (${m.name})` : m.version
}

function listDifferences(diffs: SchemaDifference[], suffix: string, extra?: string): string {
  const shown = diffs.slice(0, MAX_DIFFS_IN_MESSAGE).map(d => `${describeDifference(d, extra)}${suffix}`)
  const more = diffs.length > shown.length ? `; and ${diffs.length - shown.length} more` : ''
  return `${shown.join('; ')}${more}`
}

/**
 * The drill: every up on a fresh database, then every down newest first (each compared with
 * the catalog taken before its up), then every up again (must reproduce the first schema),
 * and, when asked, a seeded-data round trip per migration.
 */
export async function drillMigrations(
  engine: DrillEngine,
  set: MigrationSet,
  options: { seed?: boolean } = {}
): Promise<DrillOutcome> {
  const findings: Finding[] = []
  const errors: InputError[] = []
  const notices: string[] = []
  const migrations = set.migrations.filter((m): m is Migration & { up: MigrationPart } => m.up !== undefined)
  const steps: DrillStep[] = migrations.map(m => ({
    version: m.version,
    name: m.name,
    path: m.up.path,
    up: { status: 'not run' },
    down: { status: 'not run' },
    reUp: { status: 'not run' }
  }))
  for (const m of set.migrations) {
    if (!m.up && m.down) notices.push(`${m.down.path}: down migration ${label(m)} has no up; the drill skips it`)
  }
  const report = (rule: RuleMeta, part: MigrationPart, m: Migration, phase: string, message: string, line = part.startLine) =>
    findings.push(
      makeFinding(rule, {
        path: part.path,
        line,
        message,
        key: `${phase}:${m.version}:${m.name}`,
        properties: { version: m.version, engine: engine.kind, phase }
      })
    )
  const outcome = (): DrillOutcome => ({ findings, errors, notices, steps })

  const js = javascriptOutcome(set)
  if (js) return js

  const run = async (m: Migration, part: MigrationPart, direction: Direction): Promise<ApplyOutcome> => {
    const mode = runModeFor(set.tool, m, direction, part.sql)
    try {
      return await applyPart(engine, part, mode)
    } catch (error) {
      if (error instanceof DrillTimeoutError) error.message = `${direction} of ${label(m)}: ${error.message}`
      throw error
    }
  }
  /** On PGlite an unsupported feature makes the rest meaningless (and may poison the instance). */
  const unsupported = (m: Migration, part: MigrationPart, result: ApplyOutcome & { ok: false }, direction: Direction) => {
    if (engine.kind !== 'pglite' || !PGLITE_UNSUPPORTED.test(result.message)) return false
    report(
      DRILL_INCONCLUSIVE,
      part,
      m,
      `unsupported-${direction}`,
      `${direction} of ${label(m)} needs something the embedded PGlite engine does not have (${result.message}); the drill stopped here. Run it with database-url pointing at a PostgreSQL server that has it.`,
      result.line
    )
    return true
  }

  // Phase 4 (optional): per migration, rows seeded before its up must survive up → down.
  const seededRoundTrips = async (applied: number): Promise<void> => {
    let round = 0
    for (let i = applied - 1; i >= 0; i--) {
      const m = migrations[i]
      if (!m?.down) return
      if (!(await run(m, m.down, 'down')).ok) {
        notices.push(`seeded data drill stopped: down of ${label(m)} failed on its second run`)
        return
      }
      const seeded = await seedTables(engine, ++round)
      const data = await captureData(engine, seeded)
      const up = await run(m, m.up, 'up')
      if (!up.ok) {
        report(UP_FAILS, m.up, m, 'seeded-up', `up migration ${label(m)} fails when its tables hold rows (seeded data drill): ${up.message}`, up.line)
        return
      }
      const down = await run(m, m.down, 'down')
      if (!down.ok) {
        report(DOWN_FAILS, m.down, m, 'seeded-down', `down migration ${label(m)} fails when its tables hold rows (seeded data drill): ${down.message}`, down.line)
        return
      }
      const losses = dataLosses(data, await captureData(engine, seeded))
      if (losses.length > 0) {
        report(DATA_LOSS, m.down, m, 'data', `seeded rows do not survive up → down of ${label(m)}: ${losses.join('; ')}`)
      }
      // Now at the state before this migration, which is what the next (older) down expects.
    }
  }

  try {
    // Phase 1: every up on a fresh database, catalog before each.
    const before: SchemaSnapshot[] = []
    let applied = 0
    for (const [i, m] of migrations.entries()) {
      const step = steps[i]
      if (!step) break
      before.push(await snapshotSchema(engine))
      const result = await run(m, m.up, 'up')
      step.up = { status: result.ok ? 'ok' : 'failed', ms: result.ms }
      if (result.ok) {
        applied++
        continue
      }
      if (unsupported(m, m.up, result, 'up')) return outcome()
      report(UP_FAILS, m.up, m, 'up', `up migration ${label(m)} fails on a fresh database: ${result.message}`, result.line)
      if (runModeFor(set.tool, m, 'up', m.up.sql) === 'statements') {
        notices.push(`${m.up.path}: ${label(m)} ran statement by statement and failed part-way; the database is half-migrated, so the rollback drill was not run`)
        return outcome()
      }
      notices.push(`migrations after ${label(m)} were not applied; the rollback drill covers ${applied} migration(s) before it`)
      break
    }
    if (applied === 0) return outcome()
    const first = await snapshotSchema(engine)

    if (set.tool === 'prisma') {
      const newest = migrations[applied - 1]
      if (newest) {
        report(
          DRILL_INCONCLUSIVE,
          newest.up,
          newest,
          'no-downs',
          `Prisma migrations have no down migrations: ${applied} up migration(s) applied cleanly, but a rollback can only be a forward fix and was not drilled.`
        )
      }
      return outcome()
    }

    // Phase 2: every down, newest first, each compared with the catalog before its up.
    let bottom = applied
    for (let i = applied - 1; i >= 0; i--) {
      const m = migrations[i]
      const step = steps[i]
      const expected = before[i]
      if (!m || !step || !expected) break
      if (!m.down) {
        step.down = { status: 'missing' }
        const untested = i > 0 ? ` (${i} older migration(s) were not drilled)` : ''
        report(DOWN_FAILS, m.up, m, 'down-missing', `${label(m)} has no down migration: a rollback cannot go past this version${untested}.`)
        break
      }
      const result = await run(m, m.down, 'down')
      if (!result.ok) {
        step.down = { status: 'failed', ms: result.ms }
        if (!unsupported(m, m.down, result, 'down')) {
          report(DOWN_FAILS, m.down, m, 'down', `down migration ${label(m)} fails: ${result.message}`, result.line)
        }
        break
      }
      const diffs = diffSchemas(expected, await snapshotSchema(engine))
      step.down = { status: diffs.length > 0 ? 'differs' : 'ok', ms: result.ms }
      if (diffs.length > 0) {
        report(
          DOWN_DOES_NOT_RESTORE,
          m.down,
          m,
          'down-restore',
          `down of ${label(m)} does not restore the schema from before its up: ${listDifferences(diffs, ` after down of ${m.version}`)}`
        )
      }
      bottom = i
    }
    if (bottom !== 0) {
      notices.push('the rollback stopped before the oldest migration, so the up → down → up cycle was not run')
      return outcome()
    }

    // Phase 3: every up again; the result must be the first schema.
    for (const [i, m] of migrations.slice(0, applied).entries()) {
      const step = steps[i]
      if (!step) break
      const result = await run(m, m.up, 'up')
      step.reUp = { status: result.ok ? 'ok' : 'failed', ms: result.ms }
      if (!result.ok) {
        report(
          FULL_CYCLE_DIFFERS,
          m.up,
          m,
          're-up',
          `up of ${label(m)} fails when re-applied after every migration was rolled back: ${result.message}`,
          result.line
        )
        return outcome()
      }
    }
    const again = await snapshotSchema(engine)
    reportCycleDifferences(diffSchemas(first, again), migrations.slice(0, applied), before, first, (m, message) =>
      report(FULL_CYCLE_DIFFERS, m.up, m, 'full-cycle', message)
    )
    if (options.seed) {
      // Seeded round trips build on downs that restore the schema; otherwise every later step is noise.
      if (findings.length > 0) notices.push('seeded data drill skipped: the schema drill already found problems')
      else await seededRoundTrips(applied)
    }
    return outcome()
  } catch (error) {
    if (!(error instanceof DrillTimeoutError)) throw error
    errors.push({ path: set.dir, message: `drill stopped: ${error.message}; the engine did not answer, so nothing after this point was checked` })
    return outcome()
  }
}

/**
 * JavaScript migrations (knex, node-pg-migrate JS) cannot be executed by the drill: say so
 * with a finding, never pass by silence. Returns undefined when the set is SQL.
 */
export function javascriptOutcome(set: MigrationSet): DrillOutcome | undefined {
  const first = set.migrations.find(m => m.js !== undefined && m.up)
  if (!first?.up) return undefined
  const finding = makeFinding(DRILL_INCONCLUSIVE, {
    path: first.up.path,
    line: first.up.startLine,
    message: `${set.tool} migrations in ${set.dir} are JavaScript; the drill runs SQL only, so none of the ${set.migrations.length} migration(s) was drilled. Drill them with ${set.tool} itself against a throw-away database.`,
    key: `javascript:${set.dir}`,
    properties: { tool: set.tool }
  })
  return { findings: [finding], errors: [], notices: [], steps: [] }
}

/**
 * Groups full-cycle differences by the migration whose up first produced the object
 * (found from the catalogs taken during the first pass); leftovers no up produced go to the newest.
 */
function reportCycleDifferences<M extends Migration>(
  diffs: SchemaDifference[],
  migrations: M[],
  before: SchemaSnapshot[],
  first: SchemaSnapshot,
  report: (m: M, message: string) => void
): void {
  if (diffs.length === 0) return
  const after = (i: number) => before[i + 1] ?? first
  const detailIn = (s: SchemaSnapshot, d: SchemaDifference) => s.objects.find(o => o.kind === d.kind && o.name === d.name)?.detail
  const owner = (d: SchemaDifference): number => {
    for (let i = 0; i < migrations.length; i++) {
      const was = before[i]
      if (was && detailIn(was, d) !== detailIn(after(i), d)) return i
    }
    return migrations.length - 1
  }
  const groups = new Map<number, SchemaDifference[]>()
  for (const d of diffs) groups.set(owner(d), [...(groups.get(owner(d)) ?? []), d])
  for (const [i, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    const m = migrations[i]
    if (m) {
      report(m, `after up → down → up of every migration the schema differs from the first up (${label(m)}): ${listDifferences(group, '', 'appeared')}`)
    }
  }
}
