import picomatch from 'picomatch'
import { ConfigError } from '../../core/errors.js'

/** What a verified ID token must look like for the deploy to go on. Empty lists mean "no restriction". */
export interface TokenPolicy {
  /** 'owner/repo' (globs allowed), immutable 'owner@id/repo@id', or a bare repository_id number. */
  allowedRepositories: string[]
  /** Globs over the `ref` claim (refs/heads/main, refs/tags/v*); a pattern without `refs/` matches the short name. */
  allowedRefs: string[]
  allowedEnvironments: string[]
  /** Default ['pull_request_target']: such runs carry the base ref and may execute PR code. */
  deniedEvents: string[]
  allowedEvents: string[]
  /** Globs or pins over `job_workflow_ref`; a pin ending in @<40-hex sha> is checked against `job_workflow_sha`. */
  jobWorkflowRefs: string[]
  /** Required `runner_environment`; undefined = not checked. */
  runnerEnvironment?: 'github-hosted' | 'self-hosted'
  requireRefProtected?: boolean
}

export const DEFAULT_DENIED_EVENTS = ['pull_request_target']

export type Claims = Record<string, unknown>

export interface PolicyViolation {
  /** The claim that failed (also the config key to look at). */
  claim: string
  configKey: string
  message: string
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

const IMMUTABLE_REPO = /^([^/@\s]+)@(\d+)\/([^/@\s]+)@(\d+)$/

/** True when the token's repository claims match one allow-list entry. */
export function repositoryMatches(entry: string, claims: Claims): boolean {
  const e = entry.trim()
  if (/^\d+$/.test(e)) return str(claims.repository_id) === e
  const immutable = IMMUTABLE_REPO.exec(e)
  if (immutable) {
    // Ids are what stays stable across renames and transfers; names in this form are informative only.
    return str(claims.repository_owner_id) === immutable[2] && str(claims.repository_id) === immutable[4]
  }
  const repository = str(claims.repository)
  if (!repository) return false
  return repository.toLowerCase() === e.toLowerCase() || picomatch.isMatch(repository, e, { nocase: true })
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '')
}

export function refMatches(pattern: string, ref: string): boolean {
  const p = pattern.trim()
  if (p.startsWith('refs/')) return p === ref || picomatch.isMatch(ref, p)
  const short = shortRef(ref)
  return p === short || picomatch.isMatch(short, p)
}

const SHA_PIN = /^(.*)@([0-9a-f]{40})$/i

export function jobWorkflowMatches(pattern: string, claims: Claims): boolean {
  const ref = str(claims.job_workflow_ref)
  if (!ref) return false
  const p = pattern.trim()
  const pin = SHA_PIN.exec(p)
  if (pin) {
    // owner/repo/.github/workflows/x.yml@<sha>: path must match and the executed file must be that commit.
    const path = ref.replace(/@.*$/, '')
    return path.toLowerCase() === pin[1]!.toLowerCase() && str(claims.job_workflow_sha)?.toLowerCase() === pin[2]!.toLowerCase()
  }
  return ref === p || picomatch.isMatch(ref, p, { nocase: true })
}

/** Every way the claims break the policy (empty = allowed). */
export function evaluateTokenPolicy(claims: Claims, policy: TokenPolicy): PolicyViolation[] {
  const out: PolicyViolation[] = []
  const shown = (name: string): string => JSON.stringify(str(claims[name]) ?? null)

  if (policy.allowedRepositories.length > 0 && !policy.allowedRepositories.some(e => repositoryMatches(e, claims))) {
    out.push({
      claim: 'repository',
      configKey: 'allowed-repositories',
      message: `repository ${shown('repository')} (repository_id ${shown('repository_id')}, owner id ${shown('repository_owner_id')}) is not in allowed-repositories [${policy.allowedRepositories.join(', ')}]`
    })
  }
  const ref = str(claims.ref) ?? ''
  if (policy.allowedRefs.length > 0 && !policy.allowedRefs.some(p => refMatches(p, ref))) {
    out.push({ claim: 'ref', configKey: 'allowed-refs', message: `ref ${shown('ref')} matches none of allowed-refs [${policy.allowedRefs.join(', ')}]` })
  }
  if (policy.allowedEnvironments.length > 0) {
    const env = str(claims.environment)
    if (!env || !policy.allowedEnvironments.some(a => a.toLowerCase() === env.toLowerCase())) {
      out.push({
        claim: 'environment',
        configKey: 'allowed-environments',
        message: env
          ? `environment "${env}" is not in allowed-environments [${policy.allowedEnvironments.join(', ')}]`
          : `the job references no environment; allowed-environments requires one of [${policy.allowedEnvironments.join(', ')}] (add \`environment:\` to the job)`
      })
    }
  }
  const event = str(claims.event_name) ?? ''
  if (policy.deniedEvents.includes(event)) {
    out.push({
      claim: 'event_name',
      configKey: 'denied-events',
      message: `event_name "${event}" is denied${event === 'pull_request_target' ? ' (pull_request_target runs carry the base ref but can run PR code)' : ''}`
    })
  } else if (policy.allowedEvents.length > 0 && !policy.allowedEvents.includes(event)) {
    out.push({ claim: 'event_name', configKey: 'allowed-events', message: `event_name ${shown('event_name')} is not in allowed-events [${policy.allowedEvents.join(', ')}]` })
  }
  if (policy.jobWorkflowRefs.length > 0 && !policy.jobWorkflowRefs.some(p => jobWorkflowMatches(p, claims))) {
    out.push({
      claim: 'job_workflow_ref',
      configKey: 'job-workflow-refs',
      message: `job_workflow_ref ${shown('job_workflow_ref')} (sha ${shown('job_workflow_sha')}) matches none of job-workflow-refs [${policy.jobWorkflowRefs.join(', ')}]`
    })
  }
  if (policy.runnerEnvironment && str(claims.runner_environment) !== policy.runnerEnvironment) {
    out.push({
      claim: 'runner_environment',
      configKey: 'runner-environment',
      message: `runner_environment ${shown('runner_environment')} is not "${policy.runnerEnvironment}"`
    })
  }
  if (policy.requireRefProtected && str(claims.ref_protected) !== 'true') {
    out.push({ claim: 'ref_protected', configKey: 'require-ref-protected', message: `ref ${shown('ref')} is not protected (ref_protected ${shown('ref_protected')})` })
  }
  return out
}

// ---- building a policy from the config section and action inputs ----

const LIST_KEYS = {
  'allowed-repositories': 'allowedRepositories',
  'allowed-refs': 'allowedRefs',
  'allowed-environments': 'allowedEnvironments',
  'allowed-events': 'allowedEvents',
  'denied-events': 'deniedEvents',
  'job-workflow-refs': 'jobWorkflowRefs'
} as const

function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

function configList(section: Record<string, unknown>, key: string): string[] | undefined {
  const value = section[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return splitList(value)
  if (Array.isArray(value)) return value.map(v => String(v).trim()).filter(Boolean)
  throw new ConfigError(`oidc-guard.${key}: expected a list of strings`)
}

function parseBool(value: unknown, key: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'boolean') return value
  const v = String(value).trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new ConfigError(`oidc-guard.${key}: "${String(value)}" is not true or false`)
}

/**
 * The token policy from the `oidc-guard` config section (keys directly in it
 * and/or under `verify-token:`, nested winning) with non-empty action inputs (comma/newline
 * lists) taking precedence. runner-environment defaults to github-hosted;
 * `any` switches that check off.
 */
export function tokenPolicyFromConfig(section: Record<string, unknown>, inputs: Record<string, string>): TokenPolicy {
  const nested = section['verify-token']
  // Keys may sit directly in the section or under `verify-token:`; the nested ones win.
  const source: Record<string, unknown> = nested && typeof nested === 'object' && !Array.isArray(nested) ? { ...section, ...(nested as Record<string, unknown>) } : section
  const policy: TokenPolicy = {
    allowedRepositories: [],
    allowedRefs: [],
    allowedEnvironments: [],
    deniedEvents: [...DEFAULT_DENIED_EVENTS],
    allowedEvents: [],
    jobWorkflowRefs: [],
    runnerEnvironment: 'github-hosted',
    requireRefProtected: false
  }
  for (const [key, field] of Object.entries(LIST_KEYS)) {
    const input = inputs[key]
    const value = input !== undefined && input.trim() !== '' ? splitList(input) : configList(source, key)
    if (value !== undefined) policy[field] = value
  }
  const runner = inputs['runner-environment']?.trim() || (source['runner-environment'] === undefined ? undefined : String(source['runner-environment']))
  if (runner !== undefined) {
    const v = runner.trim().toLowerCase()
    if (v === 'any') policy.runnerEnvironment = undefined
    else if (v === 'github-hosted' || v === 'self-hosted') policy.runnerEnvironment = v
    else throw new ConfigError(`oidc-guard.runner-environment: "${runner}" must be github-hosted, self-hosted or any`)
  }
  const protectedRef = parseBool(inputs['require-ref-protected']?.trim() || source['require-ref-protected'], 'require-ref-protected')
  if (protectedRef !== undefined) policy.requireRefProtected = protectedRef
  for (const entry of policy.allowedRepositories) {
    if (entry.includes('@') && !IMMUTABLE_REPO.test(entry)) {
      throw new ConfigError(`oidc-guard.allowed-repositories: "${entry}" is neither owner/repo nor the immutable owner@OWNER_ID/repo@REPO_ID form`)
    }
  }
  return policy
}
