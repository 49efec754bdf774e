import { UserError } from '../../core/errors.js'
import { ANALYZE_KEYS } from '../../rollback-verify/analyze/options.js'
import { ROLLBACK_VERIFY_MODES, runRollbackVerify, type RollbackVerifyMode } from '../../rollback-verify/index.js'
import { rejectUnknownFlags, stringFlag } from '../args.js'
import type { CliCommand } from '../command.js'

const OWN_FLAGS = ['migrations', 'base-ref', 'database-url', 'seed']

export const command: CliCommand = {
  name: 'rollback-verify',
  summary: 'Rollback readiness: static check (RV-K8S/AN/ECS/MIG/SQL), migration drill (RV-DRILL), live analysis + rollback (RV-LIVE)',
  usage: [
    'deploy-gates rollback-verify [check|drill|analyze] [paths…] [--migrations DIR[,DIR]] [--base-ref REF] [--database-url URL]',
    '  check (default): Kubernetes / Argo Rollouts / ECS (JSON, CloudFormation, Terraform) definitions in the paths (default .)',
    '    and the migrations (--migrations, else config rollback-verify.migrations, else discovered); --base-ref origin/main',
    '    enables the expand-contract rules (needs the base ref fetched).',
    '  drill: runs the migrations up, down and up again on embedded PGlite, or on --database-url (throw-away database);',
    '    --seed also checks that seeded rows survive each round trip.',
    '  analyze: --prometheus-url URL --query Q | --health-url URL [--json-path P], Argo Rollouts conditions and limits',
    '    (--success-condition, --failure-condition, --count, --interval, --failure-limit, --inconclusive-limit,',
    '    --consecutive-error-limit, --initial-delay, --timeout, --on-error, --on-inconclusive),',
    '    rollback --rollback-preset kubectl|ecs|vercel [--rollback-args k=v,…] or --rollback-command, then --verify-command',
    '    and --reanalyze.'
  ].join('\n'),
  async run(args, flags, ctx) {
    rejectUnknownFlags(flags, [...OWN_FLAGS, ...ANALYZE_KEYS])
    const first = args[0]
    const mode: RollbackVerifyMode = first !== undefined && (ROLLBACK_VERIFY_MODES as readonly string[]).includes(first) ? (first as RollbackVerifyMode) : 'check'
    const paths = mode === first ? args.slice(1) : args
    const inputs: Record<string, string> = {}
    for (const key of ANALYZE_KEYS) {
      const value = stringFlag(flags, key)
      if (value !== undefined) inputs[key] = value
    }
    if (mode !== 'analyze' && Object.keys(inputs).length > 0) {
      throw new UserError(`rollback-verify ${mode}: --${Object.keys(inputs)[0]} only applies to analyze`)
    }
    const seed = flags.seed
    if (seed !== undefined) {
      if (mode !== 'drill') throw new UserError(`rollback-verify ${mode}: --seed only applies to drill`)
      inputs.seed = seed === true || seed === 'true' ? 'true' : 'false'
    }
    const migrationsDir = stringFlag(flags, 'migrations')
    const baseRef = stringFlag(flags, 'base-ref')
    // Never picked up implicitly from DATABASE_URL: a developer's shell may point at a real database.
    const databaseUrl = stringFlag(flags, 'database-url')
    return runRollbackVerify(ctx, {
      mode,
      paths,
      ...(migrationsDir !== undefined && { migrationsDir }),
      ...(baseRef !== undefined && { baseRef }),
      ...(databaseUrl !== undefined && databaseUrl !== '' && { databaseUrl }),
      inputs
    })
  }
}
