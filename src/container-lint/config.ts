import type { Schema } from 'ajv'
import type { DeployGatesConfig } from '../core/config.js'
import { ConfigError } from '../core/errors.js'
import type { RuleMeta } from '../core/rule.js'
import { isSeverity, SEVERITIES, type Severity } from '../core/severity.js'
import { findRule, isEnabledByDefault } from './rules.js'

/** One `rules:` entry: `off`, `on`, a severity, or `{ enabled, severity }`. */
type RuleSettingInput = boolean | string | { enabled?: boolean; severity?: Severity }

interface SectionInput {
  rules?: Record<string, RuleSettingInput>
  'allowed-registries'?: string[]
  'minimal-base-images'?: string[]
  paths?: string[]
  exclude?: string[]
}

const SHORTHANDS = ['on', 'off', ...SEVERITIES]

export const CONTAINER_LINT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      propertyNames: { pattern: '^CL-(DF|K8S)-\\d{3}$' },
      additionalProperties: {
        anyOf: [
          { type: 'boolean' },
          { enum: SHORTHANDS },
          {
            type: 'object',
            additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, severity: { enum: [...SEVERITIES] } }
          }
        ]
      }
    },
    'allowed-registries': { type: 'array', items: { type: 'string', minLength: 1 } },
    'minimal-base-images': { type: 'array', items: { type: 'string', minLength: 1 } },
    paths: { type: 'array', items: { type: 'string', minLength: 1 } },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 } }
  }
} as const

export interface ContainerLintSettings {
  isEnabled(rule: RuleMeta): boolean
  /** The severity a finding of this rule gets (re-graded by config), or undefined to keep the rule's own. */
  severityOverride(ruleId: string): Severity | undefined
  allowedRegistries?: string[]
  minimalBaseImages?: string[]
  /** Globs that discovered files must match (empty = all). Explicit file arguments bypass them. */
  include: string[]
  exclude: string[]
}

/** Reads and validates the `container-lint:` section; unknown rule ids are a ConfigError with file and line. */
export function loadSettings(config: DeployGatesConfig): ContainerLintSettings {
  const section = config.validateSection<SectionInput>('container-lint', CONTAINER_LINT_SCHEMA as Schema)
  const enabled = new Map<string, boolean>()
  const severity = new Map<string, Severity>()
  for (const [id, raw] of Object.entries(section.rules ?? {})) {
    if (!findRule(id)) {
      throw new ConfigError(`container-lint.rules: unknown rule ${id}`, config.file, config.lineOf(['container-lint', 'rules', id]))
    }
    if (typeof raw === 'boolean') enabled.set(id, raw)
    else if (raw === 'on' || raw === 'off') enabled.set(id, raw === 'on')
    else if (typeof raw === 'string' && isSeverity(raw)) {
      // Re-grading a rule also switches it on: `CL-K8S-018: low` is how an off rule is enabled at a chosen grade.
      enabled.set(id, true)
      severity.set(id, raw)
    } else if (typeof raw === 'object') {
      if (raw.enabled !== undefined) enabled.set(id, raw.enabled)
      else if (raw.severity !== undefined) enabled.set(id, true)
      if (raw.severity !== undefined) severity.set(id, raw.severity)
    }
  }
  return {
    isEnabled: rule => enabled.get(rule.id) ?? isEnabledByDefault(rule),
    severityOverride: id => severity.get(id),
    ...(section['allowed-registries'] && { allowedRegistries: section['allowed-registries'] }),
    ...(section['minimal-base-images'] && { minimalBaseImages: section['minimal-base-images'] }),
    include: section.paths ?? [],
    exclude: section.exclude ?? []
  }
}
