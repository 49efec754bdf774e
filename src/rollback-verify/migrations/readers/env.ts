import type { InputError } from '../../../core/result.js'
import type { Section } from '../sections.js'
import type { MigrationPart } from '../types.js'

export const GOLANG_MIGRATE = /^(\d+)_(.+)\.(up|down)\.sql$/
export const FLYWAY = /^([VU])(\d[\w.]*?)__(.+)\.sql$/
export const NUMBERED = /^(\d+)(?:[_.-](.*))?\.sql$/
export const TIMESTAMPED_JS = /^(\d+)[_-]?(.*)\.(?:js|cjs|mjs|ts|cts|mts)$/
export const PRISMA_DIR = /^(\d+)_(.+)$/

/** What a tool reader gets: the directory listing and ways to name and read its files. */
export interface ReaderEnv {
  /** Files directly in the migrations directory, relative to it, sorted. */
  top: string[]
  /** Every file below it, relative to it, sorted. */
  all: string[]
  /** Workspace-relative path of a file of the directory. */
  rel(file: string): string
  /** Reads a file of the directory ('' when empty); undefined after recording an input error. */
  read(file: string): Promise<string | undefined>
  errors: InputError[]
  notices: string[]
}

/** A whole file as one direction, or one section of it. */
export function part(path: string, text: string, section?: Section): MigrationPart {
  return section ? { path, text, sql: section.sql, startLine: section.startLine } : { path, text, sql: text, startLine: 1 }
}
