import type { InputError } from '../../core/result.js'
import type { JsMigrationFacts } from './js-migration.js'

export type MigrationTool =
  | 'golang-migrate'
  | 'dbmate'
  | 'node-pg-migrate'
  | 'knex'
  | 'flyway'
  | 'sqitch'
  | 'prisma'
  | 'numbered-sql'

/** Tools whose migrations are SQL files a drill can execute. */
export const SQL_TOOLS: readonly MigrationTool[] = ['golang-migrate', 'dbmate', 'flyway', 'sqitch', 'prisma', 'numbered-sql']

export interface MigrationFile {
  /** Repository-relative, forward slashes. */
  path: string
  /** Whole file text ('' for an empty file). */
  text: string
}

export interface MigrationPart extends MigrationFile {
  /** The SQL of this direction (dbmate / node-pg-migrate SQL: the section only; JS tools: ''). */
  sql: string
  /** 1-based line of `path` where `sql` starts. */
  startLine: number
}

export interface Migration {
  version: string
  name: string
  up?: MigrationPart
  down?: MigrationPart
  /** Whether the tool wraps the up direction in a transaction. */
  transactional: boolean
  /** Set when the down direction's transaction mode differs from the up's (dbmate `migrate:down transaction:false`). */
  downTransactional?: boolean
  /** JS tools only: facts read from the file (export forms, irreversible markers). */
  js?: JsMigrationFacts
}

export interface MigrationSet {
  tool: MigrationTool
  /** Repository-relative directory. */
  dir: string
  /** Sorted by version ascending (ties keep file-name order). */
  migrations: Migration[]
  errors: InputError[]
  /** Non-fatal remarks (files the tool would ignore…). */
  notices?: string[]
}
