/**
 * A throw-away real PostgreSQL server for tests: initdb into a temp dir, listen on a free
 * loopback port with trust auth, socket in the temp dir, removed again by stop().
 * PostgreSQL refuses to run as root, so as root every server binary runs as the `postgres`
 * OS user (runuser, argv only, no shell).
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  port: number
  /** Server binaries directory used. */
  bin: string
  stop(): Promise<void>
}

/** Where Debian (or PG_BIN) puts initdb/pg_ctl; the newest version wins. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = []
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter(v => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map(v => join(debian, v, 'bin')))
  }
  return candidates.find(dir => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
}

/**
 * Decides whether real-server tests run. Without binaries they skip visibly on a developer
 * machine; in CI (CI=true) they must run, so the caller gets `required` and fails instead.
 */
export function postgresTestMode(): { run: true; bin: string } | { run: false; reason: string } | { run: true; bin: undefined; required: true } {
  const bin = findPostgresBin()
  if (bin) return { run: true, bin }
  if (process.env.CI === 'true') return { run: true, bin: undefined, required: true }
  const reason = 'no PostgreSQL server binaries (initdb/pg_ctl under /usr/lib/postgresql/<version>/bin or PG_BIN); real-server tests are skipped'
  console.warn(`[test/support/postgres] ${reason}`)
  return { run: false, reason }
}

function run(file: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[file, ...args].join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve(stdout)
    })
  })
}

function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find(l => l.startsWith('postgres:'))
  const [, , uid, gid] = line?.split(':') ?? []
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function startPostgres(bin = findPostgresBin()): Promise<PostgresServer> {
  if (!bin) throw new Error('PostgreSQL server binaries not found (install postgresql or set PG_BIN)')
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? postgresUser() : undefined
  if (asRoot && !owner) throw new Error('running as root but there is no "postgres" OS user to run the server as')
  const dir = await mkdtemp(join(tmpdir(), 'dg-pg-'))
  // pg_ctl hands -o to a shell; our own temp path must therefore be plain.
  if (!/^[\w/.-]+$/.test(dir)) throw new Error(`temp dir ${dir} has characters unsafe for pg_ctl -o`)
  if (owner) await chown(dir, owner.uid, owner.gid)
  const exec = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], dir) : run(join(bin, tool), args, dir)
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  let started = false
  const stop = async () => {
    if (started) await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined)
    started = false
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    const port = await freePort()
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=16MB',
      '-c max_connections=30'
    ].join(' ')
    started = true
    await exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'])
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, bin, stop }
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '')
    await stop()
    throw new Error(`${error instanceof Error ? error.message : String(error)}${serverLog ? `\nserver log:\n${serverLog}` : ''}`)
  }
}
