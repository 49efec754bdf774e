import picomatch from 'picomatch'
import type { RunContext } from '../../core/context.js'
import { errorMessage } from '../../core/errors.js'
import type { Finding } from '../../core/finding.js'
import type { InputError } from '../../core/result.js'
import { makeFinding } from '../common/finding.js'
import { applyIgnores, scanIgnores } from '../common/ignore.js'
import { effectiveRule, type RollbackVerifyConfig } from '../config.js'
import { analyzeMigrations } from '../sql/analyze.js'
import { checkSql } from '../sql/check.js'
import { discoverMigrations, type MigrationSet } from './discover.js'
import { changedFiles, filesAtRef, type ChangedFile } from './git.js'
import { MIGRATION_RULES } from './rules/index.js'
import type { GitView } from './rules/types.js'

export interface MigrationCheckResult {
  findings: Finding[]
  errors: InputError[]
  notices: string[]
  inputs: string[]
  sets: MigrationSet[]
}

/** Files that are not application code for the expand-contract rule. */
const NOT_APP = ['**/*.md', '**/*.txt', 'docs/**', '.github/**', '**/schema.prisma', '**/schema.sql', '**/structure.sql', 'LICENSE*', 'CHANGELOG*']

function isUnder(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`)
}

async function gitView(ctx: RunContext, set: MigrationSet, baseRef: string, changed: ChangedFile[], allDirs: string[], config: RollbackVerifyConfig): Promise<GitView> {
  const migrationFiles = new Set(set.migrations.flatMap(m => [m.up?.path, m.down?.path]).filter((p): p is string => p !== undefined))
  const isApp = config['app-paths'] ? picomatch(config['app-paths'], { dot: true }) : undefined
  const notApp = picomatch(NOT_APP, { dot: true })
  const appChanged = changed
    .filter(f => f.status !== 'D')
    .map(f => f.path)
    .filter(p => !allDirs.some(dir => isUnder(p, dir)))
    .filter(p => (isApp ? isApp(p) : !notApp(p)))
  return {
    baseRef,
    changed,
    changedMigrations: changed.filter(f => (f.status === 'A' || f.status === 'M') && (migrationFiles.has(f.path) || (isUnder(f.path, set.dir) && f.path.endsWith('.sql')))),
    appChanged,
    baseFiles: await filesAtRef(ctx.workspace, baseRef, set.dir)
  }
}

/** Discovers, parses and checks the migrations in `dirs` (RV-MIG-*, RV-SQL-*). */
export async function checkMigrations(ctx: RunContext, dirs: string[], config: RollbackVerifyConfig, baseRef?: string): Promise<MigrationCheckResult> {
  const result: MigrationCheckResult = { findings: [], errors: [], notices: [], inputs: [], sets: [] }
  let changed: ChangedFile[] | undefined
  if (baseRef) {
    try {
      changed = await changedFiles(ctx.workspace, baseRef)
    } catch (error) {
      result.errors.push({ path: baseRef, message: `expand-contract check needs the base ref: ${errorMessage(error)}` })
    }
  }
  const sets: MigrationSet[] = []
  for (const dir of dirs) sets.push(await discoverMigrations(ctx, dir))
  const allDirs = sets.map(s => s.dir)
  const missingDown = config['missing-down'] === 'error' ? 'high' : undefined
  const migRules = MIGRATION_RULES.map(rule => effectiveRule(rule.id === 'RV-MIG-001' && missingDown ? { ...rule, severity: missingDown } : rule, config)).filter(r => r !== undefined)

  for (const set of sets) {
    result.sets.push(set)
    result.errors.push(...set.errors)
    result.notices.push(...(set.notices ?? []))
    const files = new Map<string, string>()
    set.migrations.forEach(m => [m.up, m.down].forEach(p => p && files.set(p.path, p.text)))
    result.inputs.push(...files.keys())
    const analyzed = await analyzeMigrations(set)
    const sqlFindings = checkSql(set, analyzed, config)
    let git: GitView | undefined
    if (baseRef && changed) {
      try {
        git = await gitView(ctx, set, baseRef, changed, allDirs, config)
      } catch (error) {
        result.errors.push({ path: set.dir, message: `reading ${baseRef}: ${errorMessage(error)}` })
      }
    }
    const migFindings = migRules.flatMap(rule =>
      rule.check({ set, analyzed, sqlFindings, ...(git && { git }), config }).map(h => makeFinding(rule, { path: h.path, line: h.line, message: h.message, key: h.key }))
    )
    // Inline ignore comments live in the migration files themselves.
    const byFile = new Map<string, Finding[]>()
    for (const f of [...sqlFindings, ...migFindings]) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f])
    for (const [path, findings] of byFile) {
      const text = files.get(path)
      if (text === undefined) {
        result.findings.push(...findings)
        continue
      }
      const scan = scanIgnores(text, path)
      result.notices.push(...scan.notices)
      result.findings.push(...applyIgnores(findings, text, scan))
    }
  }
  return result
}
