import { errorMessage } from '../../core/errors.js'
import type { Migration, MigrationPart, MigrationTool } from '../migrations/discover.js'
import { parseSection } from '../sql/parse.js'
import { type DrillEngine, DrillTimeoutError } from './engine.js'

/**
 * How the tool sends a migration to the server, which decides whether CONCURRENTLY works:
 * - transaction: BEGIN; <file>; COMMIT (dbmate, Flyway, Prisma default)
 * - script: the whole file in one simple-protocol call = one implicit transaction (golang-migrate)
 * - statements: one call per statement, autocommit (psql-style runners: sqitch, plain numbered SQL,
 *   Flyway when it detects a non-transactional statement)
 */
export type RunMode = 'transaction' | 'script' | 'statements'

export type Direction = 'up' | 'down'

const NON_TRANSACTIONAL = /\bconcurrently\b|^\s*(?:vacuum|alter\s+system|create\s+database|drop\s+database|create\s+tablespace)\b/im

export function runModeFor(tool: MigrationTool, migration: Migration, direction: Direction, sql: string): RunMode {
  const transactional = direction === 'down' ? (migration.downTransactional ?? migration.transactional) : migration.transactional
  if (tool === 'flyway') return transactional && !NON_TRANSACTIONAL.test(sql) ? 'transaction' : 'statements'
  if (transactional) return 'transaction'
  if (tool === 'sqitch' || tool === 'numbered-sql') return 'statements'
  return 'script'
}

export type ApplyOutcome =
  | { ok: true; ms: number }
  | { ok: false; ms: number; message: string; line: number }

/** The 1-based character position PostgreSQL reports for a syntax/semantic error, if any. */
function errorPosition(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('position' in error)) return undefined
  const position = Number((error as { position: unknown }).position)
  return Number.isInteger(position) && position > 0 ? position : undefined
}

function lineOf(text: string, firstLine: number, position: number | undefined): number {
  if (position === undefined) return firstLine
  return firstLine + (text.slice(0, Math.max(0, position - 1)).match(/\n/g)?.length ?? 0)
}

/** Server messages only; our timeout is not a migration fault and propagates. */
function failure(error: unknown, started: number, line: number): ApplyOutcome {
  if (error instanceof DrillTimeoutError) throw error
  return { ok: false, ms: Date.now() - started, message: errorMessage(error), line }
}

/** An aborted explicit transaction blocks every later call until ROLLBACK (spec §f). */
async function recover(engine: DrillEngine): Promise<void> {
  await engine.exec('ROLLBACK').catch(error => {
    if (error instanceof DrillTimeoutError) throw error
  })
}

/** Runs one direction of one migration the way its tool would. */
export async function applyPart(engine: DrillEngine, part: MigrationPart, mode: RunMode): Promise<ApplyOutcome> {
  const started = Date.now()
  const sql = part.sql
  if (sql.trim() === '') return { ok: true, ms: 0 }
  if (mode === 'statements') {
    const parsed = await parseSection(sql, part.startLine)
    if (parsed.ok) {
      for (const statement of parsed.statements) {
        try {
          await engine.exec(statement.text)
        } catch (error) {
          if (error instanceof DrillTimeoutError) throw error
          await recover(engine)
          return failure(error, started, lineOf(statement.text, statement.line, errorPosition(error)))
        }
      }
      return { ok: true, ms: Date.now() - started }
    }
    // Not parseable by our parser: let the server judge the whole file.
  }
  const prefix = mode === 'transaction' ? 'BEGIN;\n' : ''
  const text = mode === 'transaction' ? `${prefix}${sql}\n;\nCOMMIT;` : sql
  try {
    await engine.exec(text)
    return { ok: true, ms: Date.now() - started }
  } catch (error) {
    // A timed-out engine is still busy; the drill stops instead of queueing more calls.
    if (error instanceof DrillTimeoutError) throw error
    await recover(engine)
    const position = errorPosition(error)
    const line = position !== undefined ? lineOf(sql, part.startLine, position - prefix.length) : await locateFailure(engine, part)
    return failure(error, started, line)
  }
}

/**
 * Errors raised while executing (not parsing) carry no position, and a whole-file call does
 * not say which statement failed. Replaying the statements one by one inside a transaction
 * that is always rolled back finds it without changing the database.
 */
async function locateFailure(engine: DrillEngine, part: MigrationPart): Promise<number> {
  const parsed = await parseSection(part.sql, part.startLine)
  if (!parsed.ok) return parsed.line
  await engine.exec('BEGIN')
  try {
    for (const statement of parsed.statements) {
      // The file's own BEGIN/COMMIT would end our transaction and make the replay stick.
      if (statement.kind === 'TransactionStmt') continue
      try {
        await engine.exec(statement.text)
      } catch (error) {
        if (error instanceof DrillTimeoutError) throw error
        return lineOf(statement.text, statement.line, errorPosition(error))
      }
    }
    return part.startLine
  } finally {
    await recover(engine)
  }
}
