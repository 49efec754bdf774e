import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { RunContext } from '../../core/context.js'
import { errorMessage, InputFileError } from '../../core/errors.js'
import { displayPath, readTextInput } from '../../core/files.js'
import type { InputError } from '../../core/result.js'
import { looksLikeJsMigration, readJsMigration } from './js-migration.js'
import { FLYWAY, GOLANG_MIGRATE, NUMBERED, TIMESTAMPED_JS, type ReaderEnv } from './readers/env.js'
import { readFlyway } from './readers/flyway.js'
import { readGolangMigrate } from './readers/golang-migrate.js'
import { readNumbered, readPrisma } from './readers/prisma-and-numbered.js'
import { readSingleFile } from './readers/single-file.js'
import { readSqitch } from './readers/sqitch.js'
import { DBMATE_UP, PGM_UP } from './sections.js'
import type { Migration, MigrationSet, MigrationTool } from './types.js'
import { compareVersions } from './version.js'

// The public API of migration discovery lives here (the drill imports it from this module).
export type { Migration, MigrationFile, MigrationPart, MigrationSet, MigrationTool } from './types.js'
export { SQL_TOOLS } from './types.js'

const READERS: Record<MigrationTool, (env: ReaderEnv) => Promise<Migration[]>> = {
  'golang-migrate': readGolangMigrate,
  dbmate: env => readSingleFile(env, 'dbmate'),
  'node-pg-migrate': env => readSingleFile(env, 'node-pg-migrate'),
  knex: env => readSingleFile(env, 'knex'),
  flyway: readFlyway,
  sqitch: readSqitch,
  prisma: readPrisma,
  'numbered-sql': readNumbered
}

const MAX_FILES = 20000

interface Listing {
  /** Paths relative to the migration dir, forward slashes. */
  files: string[]
}

async function listDir(abs: string, recursive: boolean): Promise<Listing> {
  const entries = await readdir(abs, { recursive, withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? abs
    const rel = resolve(parent, entry.name).slice(resolve(abs).length + 1).replace(/\\/g, '/')
    if (rel.split('/').some(part => part === 'node_modules' || part === '.git')) continue
    files.push(rel)
    if (files.length > MAX_FILES) break
  }
  return { files: files.sort() }
}

/** Reads a migration file; an empty file is legal here (an empty down is a finding, not an input error). */
async function readMigration(ctx: RunContext, path: string, errors: InputError[]): Promise<string | undefined> {
  try {
    return await readTextInput(path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside })
  } catch (error) {
    if (error instanceof InputFileError && /^file is empty/.test(error.reason)) return ''
    errors.push({ path: displayPath(ctx.workspace, path), message: errorMessage(error instanceof InputFileError ? error.reason : error) })
    return undefined
  }
}

/** Picks the tool from marker files first, then file names, then file contents (spec section c). */
async function detectTool(ctx: RunContext, absDir: string, top: string[], all: string[]): Promise<MigrationTool | undefined> {
  if (top.includes('sqitch.plan')) return 'sqitch'
  if (top.includes('migration_lock.toml') || all.some(f => /^[^/]+\/migration\.sql$/.test(f))) return 'prisma'
  if (top.some(f => GOLANG_MIGRATE.test(f))) return 'golang-migrate'
  if (all.some(f => FLYWAY.test(basename(f)))) return 'flyway'
  const sqlFiles = top.filter(f => f.endsWith('.sql'))
  for (const file of sqlFiles.slice(0, 50)) {
    const text = await readTextInput(resolve(absDir, file), { workspace: ctx.workspace, allowOutside: true }).catch(() => '')
    if (text.split('\n').some(line => DBMATE_UP.test(line))) return 'dbmate'
    if (text.split('\n').some(line => PGM_UP.test(line))) return 'node-pg-migrate'
  }
  const jsFiles = top.filter(f => TIMESTAMPED_JS.test(f))
  if (jsFiles.length > 0) {
    let pgm = 0
    let knex = 0
    for (const file of jsFiles.slice(0, 50)) {
      const text = await readTextInput(resolve(absDir, file), { workspace: ctx.workspace, allowOutside: true }).catch(() => '')
      if (!looksLikeJsMigration(text)) continue
      const facts = readJsMigration(text)
      if (facts.usesPgm) pgm++
      else if (facts.usesKnex) knex++
    }
    const parent = dirname(absDir)
    const knexfile = (await readdir(parent).catch(() => [] as string[])).some(f => /^knexfile\./.test(f))
    if (pgm > 0 || knex > 0 || knexfile) return pgm > knex ? 'node-pg-migrate' : 'knex'
  }
  if (sqlFiles.some(f => NUMBERED.test(f))) return 'numbered-sql'
  return undefined
}

function byVersion(a: Migration, b: Migration): number {
  return compareVersions(a.version, b.version) || (a.up?.path ?? a.down?.path ?? '').localeCompare(b.up?.path ?? b.down?.path ?? '')
}

/**
 * Finds the migrations in `dir` (workspace-relative or absolute), detects the
 * tool and pairs every up with its down. Problems reading files land in
 * `errors`; an unrecognised directory is an error, never an empty clean set.
 */
export async function discoverMigrations(ctx: RunContext, dir: string): Promise<MigrationSet> {
  const absDir = resolve(ctx.workspace, dir)
  const relDir = displayPath(ctx.workspace, absDir)
  const errors: InputError[] = []
  const notices: string[] = []
  const info = await stat(absDir).catch(() => undefined)
  if (!info?.isDirectory()) {
    return { tool: 'numbered-sql', dir: relDir, migrations: [], errors: [{ path: relDir, message: info ? 'is not a directory' : 'migrations directory not found' }] }
  }
  const top = (await listDir(absDir, false)).files
  const all = (await listDir(absDir, true)).files
  const tool = await detectTool(ctx, absDir, top, all)
  if (!tool) {
    return {
      tool: 'numbered-sql',
      dir: relDir,
      migrations: [],
      errors: [{ path: relDir, message: 'no migration files recognised (expected golang-migrate N_name.up.sql, dbmate -- migrate:up, Flyway V1__name.sql, sqitch.plan, Prisma <ts>_name/migration.sql, knex/node-pg-migrate files or numbered .sql files)' }]
    }
  }
  const rel = (file: string): string => displayPath(ctx.workspace, resolve(absDir, file))
  const read = (file: string): Promise<string | undefined> => readMigration(ctx, resolve(absDir, file), errors)
  const env: ReaderEnv = { top, all, rel, read, errors, notices }
  const migrations = await READERS[tool](env)
  if (migrations.length === 0 && errors.length === 0) {
    errors.push({ path: relDir, message: `detected ${tool} but found no migration in it` })
  }
  migrations.sort(byVersion)
  return { tool, dir: relDir, migrations, errors, ...(notices.length > 0 && { notices }) }
}
