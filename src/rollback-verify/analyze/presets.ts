import { ConfigError } from '../../core/errors.js'
import type { AnalyzeOptions } from './options.js'

export type RollbackPreset = 'kubectl' | 'ecs' | 'vercel'
export const ROLLBACK_PRESETS: readonly RollbackPreset[] = ['kubectl', 'ecs', 'vercel']

/** The commands a rollback consists of: undo steps, then checks that the undo took effect. */
export interface RollbackPlan {
  rollback: string[][]
  /** Preset checks such as `kubectl rollout status`; a failure here is "not verified". */
  verify: string[][]
}

interface PresetSpec {
  required: string[]
  optional: string[]
  build(args: Record<string, string>): RollbackPlan
}

const KUBE_KINDS = new Set(['deployment', 'statefulset', 'daemonset'])

/**
 * kubectl: `rollout undo` re-applies the previous ReplicaSet's pod template (ConfigMaps and
 * Secrets are not reverted), then `rollout status` waits until it is rolled out.
 * ecs: the previous task definition cannot be inferred without AWS calls, so it is given as
 * `task-definition=family:REVISION` (or an ARN) and must still be ACTIVE; then `wait services-stable`.
 * vercel: `vercel rollback [deployment]` (omitted = previous production deployment).
 * Credentials always come from the environment (kubeconfig, AWS_*, VERCEL_TOKEN), never from args.
 */
const PRESETS: Record<RollbackPreset, PresetSpec> = {
  kubectl: {
    required: ['deployment'],
    optional: ['namespace', 'kind', 'context', 'timeout', 'to-revision'],
    build(args) {
      const kind = args.kind ?? 'deployment'
      if (!KUBE_KINDS.has(kind)) throw new ConfigError(`rollback-args kind must be one of ${[...KUBE_KINDS].join(', ')}`)
      const target = `${kind}/${args.deployment}`
      const common = [...(args.namespace ? ['--namespace', args.namespace] : []), ...(args.context ? ['--context', args.context] : [])]
      const revision = args['to-revision']
      if (revision !== undefined && !/^\d+$/.test(revision)) throw new ConfigError('rollback-args to-revision must be a revision number')
      return {
        rollback: [['kubectl', 'rollout', 'undo', target, ...common, ...(revision ? [`--to-revision=${revision}`] : [])]],
        verify: [['kubectl', 'rollout', 'status', target, ...common, `--timeout=${args.timeout ?? '5m'}`]]
      }
    }
  },
  ecs: {
    required: ['cluster', 'service', 'task-definition'],
    optional: ['region'],
    build(args) {
      const region = args.region ? ['--region', args.region] : []
      return {
        rollback: [['aws', 'ecs', 'update-service', '--cluster', args.cluster!, '--service', args.service!, '--task-definition', args['task-definition']!, ...region]],
        verify: [['aws', 'ecs', 'wait', 'services-stable', '--cluster', args.cluster!, '--services', args.service!, ...region]]
      }
    }
  },
  vercel: {
    required: [],
    optional: ['deployment', 'scope', 'timeout'],
    build(args) {
      return {
        rollback: [
          [
            'vercel',
            'rollback',
            ...(args.deployment ? [args.deployment] : []),
            ...(args.scope ? ['--scope', args.scope] : []),
            ...(args.timeout ? ['--timeout', args.timeout] : [])
          ]
        ],
        verify: []
      }
    }
  }
}

/** Builds and checks the rollback commands; throws ConfigError on missing or unsafe arguments. */
export function rollbackPlan(rollback: AnalyzeOptions['rollback']): RollbackPlan | undefined {
  if (!rollback) return undefined
  if (rollback.preset && rollback.command) throw new ConfigError('give either rollback-preset or rollback-command, not both')
  if (rollback.command) {
    if (rollback.args && Object.keys(rollback.args).length > 0) throw new ConfigError('rollback-args only apply to rollback-preset')
    checkArgv('rollback-command', rollback.command)
    return { rollback: [[...rollback.command]], verify: [] }
  }
  if (!rollback.preset) return undefined
  const spec = PRESETS[rollback.preset]
  if (!spec) throw new ConfigError(`unknown rollback-preset "${String(rollback.preset)}" (use ${ROLLBACK_PRESETS.join(', ')})`)
  const args = rollback.args ?? {}
  for (const [key, value] of Object.entries(args)) {
    if (!spec.required.includes(key) && !spec.optional.includes(key)) {
      throw new ConfigError(`rollback-args: unknown key "${key}" for preset ${rollback.preset} (known: ${[...spec.required, ...spec.optional].join(', ')})`)
    }
    checkArgValue(key, value)
  }
  const missing = spec.required.filter(key => !args[key])
  if (missing.length > 0) throw new ConfigError(`rollback-preset ${rollback.preset} needs rollback-args ${missing.map(k => `${k}=…`).join(', ')}`)
  return spec.build(args)
}

export function checkArgv(name: string, argv: readonly string[]): void {
  if (argv.length === 0 || !argv[0]) throw new ConfigError(`${name} is empty`)
  if (argv.length > 256) throw new ConfigError(`${name} has too many arguments`)
  if (argv.some(arg => arg.includes('\u0000'))) throw new ConfigError(`${name} contains a NUL character`)
}

/** Preset values land in argv positions: an option-looking or multi-word value could change the command. */
function checkArgValue(key: string, value: string): void {
  if (!value) throw new ConfigError(`rollback-args ${key} is empty`)
  if (value.startsWith('-')) throw new ConfigError(`rollback-args ${key} must not start with "-"`)
  if (!/^[\w.:/@=+-]{1,512}$/.test(value)) throw new ConfigError(`rollback-args ${key} contains characters that are not allowed: ${JSON.stringify(value)}`)
}
