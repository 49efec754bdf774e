/**
 * The one database surface the drill needs. PGlite (embedded, default) and a real
 * PostgreSQL server (`pg`, with a database URL) both implement it, so the drill and
 * its tests are identical on both.
 */
export interface DrillEngine {
  /** 'pglite' or 'postgres'; shown in the report. */
  readonly kind: 'pglite' | 'postgres'
  /** Server version string, e.g. "PostgreSQL 18.6 (PGlite …)". */
  readonly version: string
  /** Runs a (possibly multi-statement) script with the simple protocol: one implicit transaction. */
  exec(sql: string): Promise<void>
  /** Runs one statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string): Promise<Row[]>
  /** Releases everything the engine holds (and drops a throw-away database). Never throws. */
  close(): Promise<void>
}

/** Raised when a database call outlives its time budget; the engine must not be trusted afterwards. */
export class DrillTimeoutError extends Error {
  override name = 'DrillTimeoutError'
  constructor(
    readonly what: string,
    readonly timeoutMs: number
  ) {
    super(`${what} did not finish within ${timeoutMs} ms`)
  }
}

/** Races a promise against a timer; the timer is always cleared so nothing keeps the process alive. */
export async function withTimeout<T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DrillTimeoutError(what, timeoutMs)), timeoutMs)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    if (timer) clearTimeout(timer)
  }
}

/** Default per-call budget: generous for a slow CI runner, short enough to never hang a job. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000
/** Starting PGlite cold takes ~5 s here; allow for slower machines. */
export const ENGINE_START_TIMEOUT_MS = 120_000
