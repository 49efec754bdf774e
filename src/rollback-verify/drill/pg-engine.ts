import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { errorMessage, UserError } from '../../core/errors.js'
import { type DrillEngine, withTimeout } from './engine.js'

/** The URL with its password replaced: the only form of it that may appear in logs or reports. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '<unparseable database URL>'
  }
}

/** Scrubs the password out of any text (driver messages may echo connection details). */
function scrub(text: string, url: URL): string {
  const secret = url.password ? decodeURIComponent(url.password) : ''
  return secret ? text.split(secret).join('***') : text
}

function parseUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError('database-url is not a URL; expected postgres://user:password@host:port/database')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UserError(`database-url must start with postgres:// or postgresql://, got ${parsed.protocol}//…`)
  }
  return parsed
}

async function connect(url: URL, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: timeoutMs })
  // A dropped connection emits 'error'; the pending call reports it, so the event must not crash the process.
  client.on('error', () => undefined)
  try {
    await withTimeout(`connecting to ${redactDatabaseUrl(url.toString())}`, timeoutMs, client.connect())
  } catch (error) {
    await client.end().catch(() => undefined)
    throw new UserError(
      `cannot connect to ${redactDatabaseUrl(url.toString())}: ${scrub(errorMessage(error), url)}`
    )
  }
  return client
}

/**
 * A throw-away database (drill_<random>) on a real server. The database is created through
 * the URL's own database and always dropped by close(), whatever happened in between.
 */
export async function createPgEngine(options: {
  databaseUrl: string
  timeoutMs: number
  /** Told when the throw-away database could not be dropped (so a human can). */
  onWarning?: (message: string) => void
}): Promise<DrillEngine> {
  const adminUrl = parseUrl(options.databaseUrl)
  const { timeoutMs } = options
  const admin = await connect(adminUrl, timeoutMs)
  const call = <T>(what: string, work: Promise<T>) => withTimeout(what, timeoutMs, work)
  const database = `drill_${randomBytes(6).toString('hex')}`
  let created = false
  let drill: pg.Client | undefined
  const dropAll = async () => {
    // A session still busy after a timeout only ends when the server lets go: don't wait for it, the drop forces it.
    if (drill) await call('closing the drill session', drill.end()).catch(() => undefined)
    if (created) {
      const force = await call('reading the server version', admin.query('show server_version_num'))
        .then(r => Number((r.rows[0] as { server_version_num?: string } | undefined)?.server_version_num) >= 130000)
        .catch(() => false)
      if (!force) {
        // Before PostgreSQL 13 a backend still busy in the drill database (after a timeout) blocks the drop.
        await call('ending drill sessions', admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]))
          .catch(() => undefined)
      }
      await call(`dropping ${database}`, admin.query(`drop database if exists ${database}${force ? ' with (force)' : ''}`)).catch(
        (error: unknown) =>
          options.onWarning?.(
            `could not drop the throw-away database ${database} on ${redactDatabaseUrl(adminUrl.toString())}: ${scrub(errorMessage(error), adminUrl)}; drop it by hand`
          )
      )
    }
    await admin.end().catch(() => undefined)
  }
  try {
    await call(`creating ${database}`, admin.query(`create database ${database}`))
    created = true
    const drillUrl = new URL(adminUrl.toString())
    drillUrl.pathname = `/${database}`
    drill = await connect(drillUrl, timeoutMs)
    const client = drill
    // The server enforces the budget too, so a runaway statement stops instead of lingering after our timer.
    // A little later than our own timer, so our timeout (which stops the drill) is the one that fires.
    await call('setting statement_timeout', client.query(`set statement_timeout = ${Math.max(1, Math.floor(timeoutMs)) + 1000}`))
    const version = await call('reading the server version', client.query('select version()'))
    const wrap = async <T>(what: string, work: Promise<T>): Promise<T> => {
      try {
        return await call(what, work)
      } catch (error) {
        if (error instanceof Error) error.message = scrub(error.message, adminUrl)
        throw error
      }
    }
    return {
      kind: 'postgres',
      version: String((version.rows[0] as { version?: unknown } | undefined)?.version ?? 'PostgreSQL'),
      async exec(sql) {
        await wrap('statement', client.query(sql))
      },
      async query<Row extends Record<string, unknown>>(sql: string) {
        return (await wrap('query', client.query<Row>(sql))).rows
      },
      close: dropAll
    }
  } catch (error) {
    await dropAll()
    throw error
  }
}
