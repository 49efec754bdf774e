/**
 * How far a subject (or repository-like claim value) reaches. Ordered from
 * broadest to narrowest; conditions are ANDed, so a statement is as narrow as
 * its narrowest scoping condition, and a condition (its values are ORed) as
 * broad as its broadest value.
 */
export type Reach = 'any' | 'owner' | 'repo-any-context' | 'pull-request' | 'scoped' | 'weak'

export const REACH_RANK: Record<Reach, number> = { weak: 0, any: 1, owner: 2, 'repo-any-context': 3, 'pull-request': 3, scoped: 4 }

export interface ValueReach {
  reach: Reach
  /** Uses the immutable owner@id/repo@id form or a numeric id claim. */
  immutable: boolean
  /** Names a repository or owner by name (rename/transfer-squattable). */
  nameBased: boolean
  why: string
}

// Interpolations (${var.org}, CloudFormation ${GitHubOrg}) are unknown literals, not wildcards.
function neutral(value: string): string {
  return value.replace(/\$\{[^}]*\}/g, 'X')
}

function hasWildcard(text: string, wildcards: boolean): boolean {
  return wildcards && /[*?]/.test(text)
}

const SCOPING_CLAIMS = new Set([
  'sub', 'repository', 'repository_id', 'job_workflow_ref', 'workflow_ref', 'repository_owner', 'repository_owner_id', 'enterprise', 'enterprise_id'
])
const OWNER_KEYS = new Set(['repository_owner', 'repository_owner_id', 'enterprise', 'enterprise_id'])
const REPO_KEYS = new Set(['repository', 'repository_id', 'job_workflow_ref', 'workflow_ref'])

/** Reach of a `sub` value; `wildcards` is true for StringLike-style matching. */
export function subjectReach(raw: string, wildcards: boolean): ValueReach {
  const value = neutral(raw.trim())
  if (hasWildcard(value.charAt(0), wildcards)) return { reach: 'any', immutable: false, nameBased: false, why: `"${raw}" matches every subject` }
  if (value.startsWith('repo:')) return repoSubject(raw, value.slice(5), wildcards)
  // Customized subject template: key:value pairs in the order the template lists them.
  const parts = value.split(':')
  const keys = new Map<string, string>()
  for (let i = 0; i + 1 < parts.length; i += 2) keys.set(parts[i]!, parts[i + 1]!)
  for (const [key, v] of keys) {
    if (REPO_KEYS.has(key) || key === 'repository_owner' || key === 'repository_owner_id') {
      if (hasWildcard(v.charAt(0), wildcards)) return { reach: 'any', immutable: false, nameBased: false, why: `"${raw}" matches any ${key}` }
    }
  }
  if ([...keys.keys()].some(k => REPO_KEYS.has(k))) {
    return { reach: 'scoped', immutable: keys.has('repository_id'), nameBased: !keys.has('repository_id'), why: 'custom subject with repository scope' }
  }
  if ([...keys.keys()].some(k => OWNER_KEYS.has(k))) {
    return { reach: 'owner', immutable: keys.has('repository_owner_id'), nameBased: keys.has('repository_owner'), why: `"${raw}" names an owner/enterprise but no repository` }
  }
  return { reach: 'weak', immutable: false, nameBased: false, why: `"${raw}" names no repository or owner` }
}

function repoSubject(raw: string, rest: string, wildcards: boolean): ValueReach {
  const colon = rest.indexOf(':')
  const repo = colon < 0 ? rest : rest.slice(0, colon)
  const context = colon < 0 ? '' : rest.slice(colon + 1)
  const slash = repo.indexOf('/')
  if (slash < 0) {
    if (hasWildcard(repo, wildcards)) return { reach: 'any', immutable: false, nameBased: false, why: `"${raw}" matches every repository` }
    return { reach: 'scoped', immutable: false, nameBased: false, why: 'repository given by an interpolation' }
  }
  const owner = repo.slice(0, slash)
  const name = repo.slice(slash + 1)
  const immutable = /@\d+$/.test(owner) && /@(\d+|X)$/.test(name)
  const nameBased = !immutable
  if (hasWildcard(owner, wildcards)) return { reach: 'any', immutable, nameBased, why: `"${raw}" has a wildcard in the owner segment` }
  if (hasWildcard(name, wildcards)) return { reach: 'owner', immutable, nameBased, why: `"${raw}" matches every repository of that owner` }
  if (!wildcards) {
    return context === 'pull_request'
      ? { reach: 'pull-request', immutable, nameBased, why: `"${raw}" trusts pull_request runs` }
      : { reach: 'scoped', immutable, nameBased, why: 'exact subject' }
  }
  if (context === 'pull_request') return { reach: 'pull-request', immutable, nameBased, why: `"${raw}" trusts pull_request runs` }
  if (context === '' && /[*?]$/.test(repo)) return { reach: 'owner', immutable, nameBased, why: `"${raw}" matches repositories sharing the prefix` }
  if (/^[*?]/.test(context) || /^ref:(\*|refs\/\*|refs\/heads\/\*)$/.test(context) || /^environment:\*$/.test(context)) {
    return { reach: 'repo-any-context', immutable, nameBased, why: `"${raw}" matches every ${context.startsWith('ref:') ? 'branch' : context.startsWith('environment:') ? 'environment' : 'branch, tag, pull request and environment'} of that repository` }
  }
  return { reach: 'scoped', immutable, nameBased, why: 'subject scoped to a repository context' }
}

/** Reach of owner/repo[/path@ref] values (repository, job_workflow_ref, workflow_ref claims). */
export function repositoryReach(raw: string, wildcards: boolean): ValueReach {
  const value = neutral(raw.trim())
  const [owner = '', name = ''] = value.split('/')
  if (value === '' || hasWildcard(owner, wildcards)) return { reach: 'any', immutable: false, nameBased: false, why: `"${raw}" matches any owner` }
  if (hasWildcard(name, wildcards) || name === '') return { reach: 'owner', immutable: false, nameBased: true, why: `"${raw}" matches every repository of that owner` }
  return { reach: 'scoped', immutable: false, nameBased: true, why: 'names one repository' }
}

/** `${var.subjects}`, `${jsonencode(subjects)}`: the value is decided elsewhere and cannot be judged here. */
export function isWholeInterpolation(raw: string): boolean {
  return /^\$\{[^{}]*(\{[^{}]*\}[^{}]*)*\}$/.test(raw.trim())
}

const UNKNOWN: ValueReach = { reach: 'scoped', immutable: false, nameBased: false, why: 'value comes from an interpolation that is not evaluated' }

/** Reach of a value of any scoping claim, or undefined for claims that do not scope. */
export function claimReach(claim: string, raw: string, wildcards: boolean): ValueReach | undefined {
  if (isWholeInterpolation(raw) && SCOPING_CLAIMS.has(claim)) return UNKNOWN
  switch (claim) {
    case 'sub':
      return subjectReach(raw, wildcards)
    case 'repository':
    case 'job_workflow_ref':
    case 'workflow_ref':
      return repositoryReach(raw, wildcards)
    case 'repository_id':
      return hasWildcard(raw, wildcards) || raw.trim() === ''
        ? { reach: 'any', immutable: true, nameBased: false, why: `"${raw}" matches any repository id` }
        : { reach: 'scoped', immutable: true, nameBased: false, why: 'repository id' }
    case 'repository_owner':
    case 'repository_owner_id':
    case 'enterprise':
    case 'enterprise_id':
      return hasWildcard(raw, wildcards)
        ? { reach: 'any', immutable: false, nameBased: false, why: `"${raw}" matches any ${claim}` }
        : { reach: 'owner', immutable: claim.endsWith('_id'), nameBased: !claim.endsWith('_id'), why: `only ${claim} "${raw}" is required: every repository there is trusted` }
    default:
      return undefined
  }
}

/** Claims an attacker can choose from any repository (workflow name, actor, branch names, event…). */
export const ATTACKER_CLAIMS = new Set([
  'workflow', 'actor', 'actor_id', 'head_ref', 'base_ref', 'event_name', 'environment', 'ref', 'ref_type',
  'runner_environment', 'workflow_sha', 'job_workflow_sha', 'sha', 'repository_visibility', 'context'
])
