import type { Migration, MigrationPart, MigrationSet } from '../migrations/discover.js'
import { SQL_TOOLS } from '../migrations/discover.js'
import { embeddedSql } from '../migrations/js-sql.js'
import { isBlankSql } from '../migrations/sections.js'
import { parseSection, type SqlStatement } from './parse.js'

/** One direction of a migration after parsing. */
export interface ParsedPart {
  part: MigrationPart
  statements: SqlStatement[]
  /** Set when the text is not PostgreSQL (other dialect, templating, syntax error). */
  parseError?: { message: string; line: number }
  /** Only white space and comments. */
  blank: boolean
  /** JS migrations: tables the query builder creates (createTable('x')), new for the SQL rules. */
  builderTables?: string[]
}

export interface AnalyzedMigration {
  migration: Migration
  up?: ParsedPart
  down?: ParsedPart
}

async function parsePart(part: MigrationPart | undefined): Promise<ParsedPart | undefined> {
  if (!part) return undefined
  if (isBlankSql(part.sql)) return { part, statements: [], blank: true }
  const outcome = await parseSection(part.sql, part.startLine)
  return outcome.ok
    ? { part, statements: outcome.statements, blank: outcome.statements.length === 0 }
    : { part, statements: [], parseError: { message: outcome.message, line: outcome.line }, blank: false }
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset
}

/**
 * The raw SQL of one direction of a JS migration (pgm.sql, knex.raw), parsed
 * literal by literal. The part is never "blank": the query builder does work
 * we cannot see.
 */
async function parseJsPart(part: MigrationPart | undefined, otherStartLine: number | undefined): Promise<ParsedPart | undefined> {
  if (!part) return undefined
  if (otherStartLine === part.startLine) return { part, statements: [], blank: false } // module.exports = { up, down }: no regions
  const from = offsetOfLine(part.text, part.startLine)
  const to = otherStartLine !== undefined && otherStartLine > part.startLine ? offsetOfLine(part.text, otherStartLine) : part.text.length
  const region = part.text.slice(from, to)
  const builderTables = [...region.matchAll(/\b(?:createTable|createTableIfNotExists)\s*\(\s*['"`]([\w.]+)['"`]/g)].map(m => m[1] ?? '')
  const statements: SqlStatement[] = []
  for (const snippet of embeddedSql(part.text, from, to)) {
    const outcome = await parseSection(snippet.sql, snippet.startLine)
    if (!outcome.ok) return { part, statements: [], parseError: { message: outcome.message, line: outcome.line }, blank: false, builderTables }
    statements.push(...outcome.statements.map(st => ({ ...st, index: statements.length + st.index })))
  }
  return { part, statements, blank: false, builderTables }
}

/** Parses the up and down SQL of every migration (SQL files, or the raw SQL inside JS migrations). */
export async function analyzeMigrations(set: MigrationSet): Promise<AnalyzedMigration[]> {
  const sqlTool = SQL_TOOLS.includes(set.tool) || set.migrations.some(m => m.up?.sql)
  const result: AnalyzedMigration[] = []
  for (const migration of set.migrations) {
    if (migration.js) {
      const up = await parseJsPart(migration.up, migration.down?.startLine)
      const down = await parseJsPart(migration.down, migration.up?.startLine)
      result.push({ migration, ...(up && { up }), ...(down && { down }) })
      continue
    }
    if (!sqlTool) {
      result.push({ migration })
      continue
    }
    const up = await parsePart(migration.up)
    const down = await parsePart(migration.down)
    result.push({ migration, ...(up && { up }), ...(down && { down }) })
  }
  return result
}
