import type { RunContext } from '../core/context.js'
import { UserError } from '../core/errors.js'
import { collectFiles } from '../core/files.js'
import type { ScanResult } from '../core/result.js'
import { loadRollbackVerifyConfig, type RollbackVerifyConfig } from './config.js'
import { checkEcs } from './ecs/check.js'
import { checkKubernetes } from './k8s/check.js'
import { checkMigrations } from './migrations/check.js'
import { SQL_TOOLS, type MigrationSet } from './migrations/discover.js'
import { locateMigrationDirs } from './migrations/locate.js'

export const ROLLBACK_VERIFY_MODES = ['check', 'drill', 'analyze'] as const
export type RollbackVerifyMode = (typeof ROLLBACK_VERIFY_MODES)[number]
export const COMMAND = 'rollback-verify'

export interface RollbackVerifyOptions {
  mode: RollbackVerifyMode
  /** check: files/directories/globs with Kubernetes, Argo Rollouts, ECS (JSON, CloudFormation, Terraform) definitions and migrations. */
  paths: string[]
  /** Migration directory (comma-separated for several); default: config `migrations`, else discovered under paths. */
  migrationsDir?: string
  /** check: base ref for the expand-contract rules (git diff base...HEAD). */
  baseRef?: string
  /** drill: PostgreSQL server to drill on instead of embedded PGlite. */
  databaseUrl?: string
  /** analyze (and drill `seed`): raw inputs, keyed like the action inputs. */
  inputs?: Record<string, string>
}

const MANIFEST = /\.(ya?ml|json)$/i
const TERRAFORM = /\.tf$/i

function splitList(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : (value ?? '').split(/[\n,]/)
  return list.map(s => s.trim()).filter(Boolean)
}

async function migrationDirs(ctx: RunContext, options: RollbackVerifyOptions, config: RollbackVerifyConfig, roots: string[]): Promise<string[]> {
  const explicit = splitList(options.migrationsDir)
  if (explicit.length > 0) return explicit
  const configured = splitList(config.migrations)
  if (configured.length > 0) return configured
  return locateMigrationDirs(ctx.workspace, roots)
}

function inventory(sets: MigrationSet[]): string | undefined {
  if (sets.length === 0) return undefined
  const rows = sets.map(s => {
    const ups = s.migrations.filter(m => m.up).length
    const downs = s.migrations.filter(m => m.down).length
    return `| ${s.dir} | ${s.tool} | ${ups} | ${downs} | ${SQL_TOOLS.includes(s.tool) ? 'yes' : 'no (JavaScript/ORM migrations)'} |`
  })
  return ['| Directory | Tool | Up | Down | Drillable |', '|---|---|---|---|---|', ...rows].join('\n')
}

/** Mode `check`: static rollback readiness of manifests, ECS definitions and migrations. */
export async function runCheck(ctx: RunContext, options: RollbackVerifyOptions, config: RollbackVerifyConfig): Promise<ScanResult> {
  const roots = options.paths.length > 0 ? options.paths : config.paths && config.paths.length > 0 ? config.paths : ['.']
  const dirs = await migrationDirs(ctx, options, config, roots)
  const inMigrations = (p: string): boolean => dirs.some(d => d === '.' || p.startsWith(`${d}/`))
  const collected = await collectFiles(roots, ctx.workspace, p => (MANIFEST.test(p) || TERRAFORM.test(p)) && !inMigrations(p))
  const manifests = collected.files.filter(p => MANIFEST.test(p))
  const terraform = collected.files.filter(p => TERRAFORM.test(p))

  const k8s = await checkKubernetes(ctx, manifests, config)
  const ecs = await checkEcs(ctx, k8s.files, terraform, config)
  const migrations = await checkMigrations(ctx, dirs, config, options.baseRef)

  const result: ScanResult = {
    command: COMMAND,
    findings: [...k8s.findings, ...ecs.findings, ...migrations.findings],
    errors: [...collected.errors, ...k8s.errors, ...ecs.errors, ...migrations.errors],
    inputs: [...new Set([...k8s.inputs, ...ecs.inputs, ...migrations.inputs])].sort(),
    notices: [...k8s.notices, ...ecs.notices, ...migrations.notices],
    sections: []
  }
  if (k8s.section) result.sections?.push(k8s.section)
  const table = inventory(migrations.sets)
  if (table) result.sections?.push({ title: 'Migrations', markdown: table })
  if (result.inputs.length === 0 && result.errors.length === 0) {
    result.errors.push({
      path: roots.join(', '),
      message: 'nothing to check: no Kubernetes/Argo Rollouts manifests, ECS definitions or migrations found (name them in paths, or set --migrations)'
    })
  }
  return result
}

/**
 * Entry point of the capability for the CLI and the action: validates the
 * `rollback-verify:` config section and dispatches to check, drill or analyze.
 */
export async function runRollbackVerify(ctx: RunContext, options: RollbackVerifyOptions): Promise<ScanResult> {
  const config = loadRollbackVerifyConfig(ctx)
  switch (options.mode) {
    case 'check':
      return runCheck(ctx, options, config)
    case 'drill': {
      const dirs = await migrationDirs(ctx, options, config, options.paths.length > 0 ? options.paths : ['.'])
      if (dirs.length === 0) throw new UserError('rollback-verify drill: no migrations directory found; pass --migrations (input migrations-dir)')
      const fromEnv = config.drill?.['database-url-env'] ? process.env[config.drill['database-url-env']] : undefined
      const databaseUrl = options.databaseUrl || fromEnv || undefined
      const rawSeed = options.inputs?.seed?.trim() ?? ''
      if (rawSeed !== '' && rawSeed !== 'true' && rawSeed !== 'false') throw new UserError(`seed: "${rawSeed}" must be true or false`)
      const seed = rawSeed !== '' ? rawSeed === 'true' : config.drill?.seed === true
      // Loaded on demand: the drill brings a 27 MB database engine that check mode never needs.
      const { runDrill } = await import('./drill/run.js')
      const results: ScanResult[] = []
      for (const dir of dirs) {
        results.push(
          await runDrill(ctx, {
            dir,
            ...(databaseUrl && { databaseUrl }),
            ...(config.drill?.['timeout-ms'] !== undefined && { timeoutMs: config.drill['timeout-ms'] }),
            seed
          })
        )
      }
      return mergeResults(results)
    }
    case 'analyze': {
      const { analyzeOptionsFromInputs } = await import('./analyze/options.js')
      const { runAnalyze } = await import('./analyze/run.js')
      const analyzeOptions = analyzeOptionsFromInputs(config.analyze ? { analyze: config.analyze } : {}, options.inputs ?? {})
      return runAnalyze(ctx, analyzeOptions)
    }
    default:
      throw new UserError(`rollback-verify: unknown mode "${String(options.mode)}" (expected ${ROLLBACK_VERIFY_MODES.join(', ')})`)
  }
}

function mergeResults(results: ScanResult[]): ScanResult {
  const merged: ScanResult = { command: COMMAND, findings: [], errors: [], inputs: [], notices: [], sections: [] }
  for (const r of results) {
    merged.findings.push(...r.findings)
    merged.errors.push(...r.errors)
    merged.inputs.push(...r.inputs)
    merged.notices?.push(...(r.notices ?? []))
    merged.sections?.push(...(r.sections ?? []))
    if (r.outputs) merged.outputs = { ...merged.outputs, ...r.outputs }
  }
  return merged
}
