import type { DeployGatesConfig } from '../core/config.js'
import type { RunContext } from '../core/context.js'
import { ConfigError, UserError } from '../core/errors.js'
import type { ScanResult } from '../core/result.js'
import { SEVERITIES, type Severity } from '../core/severity.js'
import { runTokenGate, tokenPolicyFromConfig } from './token/gate.js'
import { WORKFLOW_RULE_IDS } from './rules.js'
import { defaultRules, runWorkflowAudit } from './workflow/audit.js'
import { AUTH_CLASSES, isAuthClass, type AuthClass } from './workflow/auth.js'
import type { ConfigIgnore } from './workflow/ignores.js'
import { WORKFLOW_RULES } from './workflow/rules/index.js'

export const OIDC_GUARD_MODES = ['audit', 'verify-token', 'trust-policies'] as const
export type OidcGuardMode = (typeof OIDC_GUARD_MODES)[number]

export interface OidcGuardOptions {
  mode: OidcGuardMode
  /** audit: files/dirs/globs (default: the config's `paths`, else the workspace); trust-policies: policy files/globs. */
  paths: string[]
  /** oidc | short-lived | stored-secret | pat; wins over the config file. */
  minAuthLevel?: string
  /** verify-token: the audience to request and require. */
  audience?: string
  /** verify-token policy inputs (allowed-repositories, allowed-refs, …) as raw action-input strings. */
  inputs?: Record<string, string>
  /** verify-token: how to obtain the ID token (core.getIDToken in the action). */
  getIdToken?: (audience: string) => Promise<string>
}

const list = { type: 'array', items: { type: 'string', minLength: 1 } } as const
/** verify-token policy settings that are also action inputs and CLI flags (raw strings; the gate parses them). */
export const TOKEN_POLICY_INPUTS = [
  'allowed-repositories',
  'allowed-refs',
  'allowed-environments',
  'allowed-events',
  'denied-events',
  'job-workflow-refs',
  'runner-environment',
  'require-ref-protected',
  'issuer'
] as const
/** Keys the run-time gate reads; their shape is validated by tokenPolicyFromConfig, so they pass through open here. */
const TOKEN_POLICY_KEYS = [...TOKEN_POLICY_INPUTS, 'audience', 'clock-skew-seconds', 'verify-token'] as const

/** Schema of the `oidc-guard:` section of .github/deploy-gates.yml. */
export const OIDC_GUARD_SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: [...OIDC_GUARD_MODES] },
    paths: list,
    'trust-policy-paths': list,
    'min-auth-level': { enum: [...AUTH_CLASSES] },
    'pin-exempt': list,
    'oidc-consumers': list,
    enable: list,
    disable: list,
    severity: { type: 'object', additionalProperties: { enum: [...SEVERITIES] } },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          path: { type: 'string', minLength: 1 },
          job: { type: 'string', minLength: 1 },
          uses: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 3 }
        }
      }
    },
    ...Object.fromEntries(TOKEN_POLICY_KEYS.map(key => [key, {}]))
  }
} as const

export interface OidcGuardSection {
  mode?: OidcGuardMode
  paths?: string[]
  'trust-policy-paths'?: string[]
  'min-auth-level'?: AuthClass
  'pin-exempt'?: string[]
  'oidc-consumers'?: string[]
  enable?: string[]
  disable?: string[]
  severity?: Record<string, Severity>
  ignore?: Array<{ rule: string; path?: string; job?: string; uses?: string; reason: string }>
  [tokenKey: string]: unknown
}

/** Reads and checks the config section; unknown rule ids are errors (a typo must not silently weaken the gate). */
export function readOidcGuardSection(config: DeployGatesConfig): OidcGuardSection {
  const section = config.validateSection<OidcGuardSection>('oidc-guard', OIDC_GUARD_SECTION_SCHEMA)
  const checkId = (id: string, path: Array<string | number>): void => {
    if (/[*?[\]{}]/.test(id) || WORKFLOW_RULE_IDS.has(id.toUpperCase())) return
    throw new ConfigError(`oidc-guard.${path.join('.')}: unknown workflow rule "${id}"`, config.file, config.lineOf(['oidc-guard', ...path]))
  }
  section.enable?.forEach((id, i) => checkId(id, ['enable', i]))
  section.disable?.forEach((id, i) => checkId(id, ['disable', i]))
  Object.keys(section.severity ?? {}).forEach(id => checkId(id, ['severity', id]))
  section.ignore?.forEach((entry, i) => checkId(entry.rule, ['ignore', i, 'rule']))
  return section
}

export function parseMinAuthLevel(value: string, what: string): AuthClass {
  const v = value.trim().toLowerCase()
  if (isAuthClass(v)) return v
  throw new UserError(`${what}: "${value}" is not an auth level; use one of ${AUTH_CLASSES.join(', ')}`)
}

/** The single entry point of the capability: dispatches on `mode`. */
export async function runOidcGuard(ctx: RunContext, options: OidcGuardOptions): Promise<ScanResult> {
  const section = readOidcGuardSection(ctx.config)
  switch (options.mode) {
    case 'audit':
      return runAudit(ctx, options, section)
    case 'verify-token': {
      if (!options.getIdToken) throw new UserError('oidc-guard verify-token: no ID token source (run it inside GitHub Actions with `id-token: write`)')
      const inputs = options.inputs ?? {}
      const policy = tokenPolicyFromConfig(section, inputs)
      const nested = typeof section['verify-token'] === 'object' && section['verify-token'] !== null ? (section['verify-token'] as Record<string, unknown>) : {}
      const audience = firstText(options.audience, inputs.audience, section.audience, nested.audience) ?? ''
      const issuer = firstText(inputs.issuer, section.issuer, nested.issuer)
      return runTokenGate(ctx, { audience, policy, ...(issuer && { issuer }) }, options.getIdToken)
    }
    case 'trust-policies': {
      const paths = options.paths.length > 0 ? options.paths : (section['trust-policy-paths'] ?? [])
      // Loaded on demand: its HCL parser instantiates a WASM module at import time, which audit and
      // verify-token runs should neither pay for nor be able to fail on.
      const { runTrustPolicyAudit } = await import('./trust-policy/audit.js')
      return runTrustPolicyAudit(ctx, { paths })
    }
    default:
      throw new UserError(`oidc-guard: unknown mode "${String(options.mode)}"; use one of ${OIDC_GUARD_MODES.join(', ')}`)
  }
}

function firstText(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v.trim()
  return undefined
}

async function runAudit(ctx: RunContext, options: OidcGuardOptions, section: OidcGuardSection): Promise<ScanResult> {
  const minAuthLevel = options.minAuthLevel?.trim()
    ? parseMinAuthLevel(options.minAuthLevel, 'min-auth-level')
    : (section['min-auth-level'] ?? 'stored-secret')
  const enable = new Set((section.enable ?? []).map(s => s.toUpperCase()))
  const disable = new Set((section.disable ?? []).map(s => s.toUpperCase()))
  const rules = WORKFLOW_RULES.filter(r => !disable.has(r.id) && (enable.has(r.id) || defaultRules().includes(r)))
  const ignores: ConfigIgnore[] = (section.ignore ?? []).map((entry, i) => {
    const line = ctx.config.lineOf(['oidc-guard', 'ignore', i])
    return { ...entry, origin: `${ctx.config.file ?? 'config'}${line ? `:${line}` : ''} (oidc-guard.ignore[${i}])` }
  })
  const severity = Object.fromEntries(Object.entries(section.severity ?? {}).map(([id, sev]) => [id.toUpperCase(), sev]))
  return runWorkflowAudit(ctx, {
    paths: options.paths.length > 0 ? options.paths : (section.paths ?? ['.']),
    minAuthLevel,
    pinExempt: section['pin-exempt'] ?? [],
    oidcConsumers: section['oidc-consumers'] ?? [],
    rules,
    severity,
    ignores
  })
}

export { auditWorkflowText, discoverWorkflowFiles, runWorkflowAudit } from './workflow/audit.js'
export type { AuthClass } from './workflow/auth.js'
