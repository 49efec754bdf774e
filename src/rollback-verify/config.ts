import type { Schema } from 'ajv'
import type { RunContext } from '../core/context.js'
import { SEVERITIES, type Severity } from '../core/severity.js'

/** The `rollback-verify:` section of .github/deploy-gates.yml. */
export interface RollbackVerifyConfig {
  /** Migration directories (workspace-relative); default: discovered. */
  migrations?: string | string[]
  /** Paths scanned for Kubernetes / Argo / ECS definitions in check mode; default: the paths given on the command line. */
  paths?: string[]
  /** Globs of application code for the expand-contract rule; default: everything that is not a migration, doc or CI file. */
  'app-paths'?: string[]
  /** Rule ids switched off. */
  disable?: string[]
  /** Rule ids switched on that are off by default. */
  enable?: string[]
  /** Per-rule severity overrides. */
  severity?: Record<string, Severity>
  /** Rollback happens by git revert (Argo CD / Flux): revisionHistoryLimit 0 is intended. */
  gitops?: boolean
  /** Environment the manifests deploy to; Recreate is accepted for dev and staging. */
  environment?: 'production' | 'staging' | 'dev'
  /** Minimum success rate an analysis must demand (RV-AN-006). */
  'min-success-rate'?: number
  /** Also run the locking SQL rules on down migrations (strong_migrations' check_down). */
  'check-down'?: boolean
  /** Missing down migration severity (RV-MIG-001). */
  'missing-down'?: 'error' | 'warning'
  /** Drill mode options. */
  drill?: { seed?: boolean; 'timeout-ms'?: number; 'database-url-env'?: string }
  /** Analyze mode options (validated by the analyze mode: the keys of its inputs). */
  analyze?: Record<string, unknown>
}

const ruleId = { type: 'string', pattern: '^RV-(K8S|AN|ECS|MIG|SQL|DRILL|LIVE)-\\d{3}$' }

export const ROLLBACK_VERIFY_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    migrations: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] },
    paths: { type: 'array', items: { type: 'string', minLength: 1 } },
    'app-paths': { type: 'array', items: { type: 'string', minLength: 1 } },
    disable: { type: 'array', items: ruleId },
    enable: { type: 'array', items: ruleId },
    severity: { type: 'object', propertyNames: ruleId, additionalProperties: { enum: [...SEVERITIES] } },
    gitops: { type: 'boolean' },
    environment: { enum: ['production', 'staging', 'dev'] },
    'min-success-rate': { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    'missing-down': { enum: ['error', 'warning'] },
    'check-down': { type: 'boolean' },
    drill: {
      type: 'object',
      additionalProperties: false,
      properties: {
        seed: { type: 'boolean' },
        'timeout-ms': { type: 'integer', minimum: 1000 },
        'database-url-env': { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }
      }
    },
    analyze: { type: 'object' }
  }
}

/** Reads and validates the section (throws ConfigError with file and line). */
export function loadRollbackVerifyConfig(ctx: RunContext): RollbackVerifyConfig {
  return ctx.config.validateSection<RollbackVerifyConfig>('rollback-verify', ROLLBACK_VERIFY_SCHEMA)
}

export interface RuleSwitch {
  id: string
  severity: Severity
  enabledByDefault?: boolean
}

/** Whether a rule runs and at which severity, after the config's disable/enable/severity. */
export function effectiveRule<T extends RuleSwitch>(rule: T, config: RollbackVerifyConfig): T | undefined {
  if (config.disable?.includes(rule.id)) return undefined
  if (rule.enabledByDefault === false && !config.enable?.includes(rule.id)) return undefined
  const severity = config.severity?.[rule.id]
  return severity ? { ...rule, severity } : rule
}
