import { PGlite, type Extension } from '@electric-sql/pglite'
import { type DrillEngine, ENGINE_START_TIMEOUT_MS, withTimeout } from './engine.js'

/**
 * Contrib extensions PGlite ships as loadable bundles. Static imports per name (not a
 * computed specifier) so the bundler can see them.
 */
const CONTRIB: Record<string, () => Promise<Extension>> = {
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp
}

/** Extensions that exist in every PostgreSQL build (nothing to load). */
const BUILT_IN = new Set(['plpgsql'])

export function pgliteSupportsExtension(name: string): boolean {
  return BUILT_IN.has(name) || name in CONTRIB
}

/** A fresh in-memory PGlite per drill: a failed statement can poison an instance (spec §f). */
export async function createPgliteEngine(options: {
  timeoutMs: number
  extensions?: string[]
}): Promise<DrillEngine> {
  const extensions: Record<string, Extension> = {}
  for (const name of options.extensions ?? []) {
    const load = CONTRIB[name]
    if (load) extensions[name.replace(/-/g, '_')] = await load()
  }
  const db = await withTimeout(
    'starting PGlite',
    Math.max(options.timeoutMs, ENGINE_START_TIMEOUT_MS),
    PGlite.create({ extensions })
  )
  const call = <T>(what: string, work: Promise<T>) => withTimeout(what, options.timeoutMs, work)
  try {
    const version = await call('reading the server version', db.query<{ version: string }>('select version()'))
    return {
      kind: 'pglite',
      version: version.rows[0]?.version ?? 'PGlite',
      async exec(sql) {
        await call('statement', db.exec(sql))
      },
      async query<Row extends Record<string, unknown>>(sql: string) {
        return (await call('query', db.query<Row>(sql))).rows
      },
      async close() {
        // A hung instance may never answer close(); the timeout lets the drill move on.
        await call('closing PGlite', db.close()).catch(() => undefined)
      }
    }
  } catch (error) {
    await withTimeout('closing PGlite', options.timeoutMs, db.close()).catch(() => undefined)
    throw error
  }
}
