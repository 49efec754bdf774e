import { isMap, isScalar } from 'yaml'
import type { Job, Located, Step, WorkflowFile } from './model.js'
import { isGithubToken, looksLikePat, secretRefs } from './secrets.js'
import { knownAction, runRows } from './auth-steps.js'
import { childOf } from './yaml-nodes.js'
import { isFirstParty, parseUses, usesIs } from './uses.js'

/**
 * Authentication inventory: every way a workflow authenticates, classified on
 * the seed table's scale (best first): OIDC, short-lived token, stored secret, PAT.
 */
export const AUTH_CLASSES = ['oidc', 'short-lived', 'stored-secret', 'pat'] as const
export type AuthClass = (typeof AUTH_CLASSES)[number]

export function isAuthClass(value: unknown): value is AuthClass {
  return typeof value === 'string' && (AUTH_CLASSES as readonly string[]).includes(value)
}

/** 0 = best (oidc) … 3 = worst (pat). */
export function authRank(c: AuthClass): number {
  return AUTH_CLASSES.indexOf(c)
}

export const AUTH_CLASS_LABEL: Record<AuthClass, string> = {
  oidc: 'OIDC',
  'short-lived': 'short-lived token',
  'stored-secret': 'stored secret',
  pat: 'personal access token'
}

/** Auth rules whose findings come straight from the inventory. */
export type AuthRuleId = 'OG-WF-001' | 'OG-WF-002' | 'OG-WF-003' | 'OG-WF-004' | 'OG-WF-005' | 'OG-WF-006' | 'OG-WF-007'

export interface AuthUse {
  /** Job id; '' for workflow-level `env:`. */
  jobId: string
  step?: Step
  line: number
  provider: string
  method: string
  authClass: AuthClass
  ruleId?: AuthRuleId
  secrets: string[]
  /** Needs an ID token (`required`) or may use one, e.g. trusted publishing run steps (`possible`). */
  idToken?: 'required' | 'possible'
  /** Holds cloud (AWS/GCP/Azure) credentials. */
  cloud?: boolean
  /** Input keys of the step this row accounts for (not re-reported as generic secrets). */
  consumed?: string[]
}

/** An inventory row before it is attached to its job and step. */
export type AuthRow = Omit<AuthUse, 'jobId' | 'step'>
type Row = AuthRow

/** Builds the inventory of one file. */
export function inventory(file: WorkflowFile): AuthUse[] {
  const out: AuthUse[] = []
  for (const [key, env] of Object.entries(file.env)) {
    for (const row of envRows(key, env, undefined)) out.push({ ...row, jobId: '' })
  }
  for (const job of file.jobs) out.push(...jobInventory(file, job))
  return out
}

function jobInventory(file: WorkflowFile, job: Job): AuthUse[] {
  const out: AuthUse[] = []
  const seen = new Set<string>()
  const push = (row: Row, step?: Step): void => {
    // Generic rows (no step-specific mechanism) are listed once per job and secret.
    const generic = row.method.startsWith('secret ')
    const key = `${row.secrets.join(',')}|${row.authClass}|${row.ruleId ?? ''}`
    if (generic && seen.has(key)) return
    if (generic) seen.add(key)
    out.push({ ...row, jobId: job.id, ...(step && { step }) })
  }
  for (const [key, env] of Object.entries(job.env)) envRows(key, env, job).forEach(row => push(row))
  if (job.secrets?.inherit) {
    push({ line: job.secrets.line, provider: 'other', method: 'all secrets (secrets: inherit)', authClass: 'stored-secret', secrets: ['*'] })
  }
  for (const [key, value] of Object.entries(job.secrets?.values ?? {})) {
    for (const ref of secretRefs(value.value)) push(genericRow(ref.name, key, value.line))
  }
  containerRows(file, job).forEach(row => push(row))
  for (const step of job.steps) {
    for (const row of stepRows(file, job, step)) push(row, step)
  }
  return out
}

function envRows(key: string, env: Located<string>, job: Job | undefined): Row[] {
  return secretRefs(env.value).map(ref => genericRow(ref.name, key, env.line, job))
}

/** `container:` / `services:` registry credentials. */
function containerRows(file: WorkflowFile, job: Job): Row[] {
  const rows: Row[] = []
  const visit = (node: unknown): void => {
    const password = childOf(childOf(node, 'credentials'), 'password')
    if (!isScalar(password)) return
    for (const ref of secretRefs(String(password.value))) {
      const base = { provider: 'container registry', line: file.lineOf(password), secrets: [ref.name] }
      if (isGithubToken(ref.name)) rows.push({ ...base, method: 'container credentials (GITHUB_TOKEN)', authClass: 'short-lived' })
      else if (looksLikePat(ref.name)) rows.push({ ...base, method: 'container credentials', authClass: 'pat', ruleId: 'OG-WF-004' })
      else rows.push({ ...base, method: 'container credentials', authClass: 'stored-secret', ruleId: 'OG-WF-005' })
    }
  }
  visit(childOf(job.node, 'container'))
  const services = childOf(job.node, 'services')
  if (isMap(services)) services.items.forEach(pair => visit(pair.value))
  return rows
}

// ---------------------------------------------------------------------------
// Secret names → class

const AWS_ENV = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
const GCP_ENV = new Set(['GOOGLE_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS_JSON', 'GCP_SA_KEY', 'GCLOUD_SERVICE_KEY', 'GOOGLE_CLOUD_KEYFILE_JSON'])
const AZURE_ENV = new Set(['ARM_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'AZURE_CREDENTIALS'])
const PUBLISH_ENV = new Set([
  'NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'TWINE_PASSWORD', 'UV_PUBLISH_TOKEN', 'UV_PUBLISH_PASSWORD',
  'POETRY_PYPI_TOKEN_PYPI', 'GEM_HOST_API_KEY', 'CARGO_REGISTRY_TOKEN', 'NUGET_API_KEY'
])
const GITHUB_TOKEN_INPUTS = new Set(['github-token', 'github_token', 'repo-token', 'repo_token', 'gh-token'])

const AWS_NAME = /AWS.*(SECRET|ACCESS_KEY)/i
const GCP_NAME = /^(GCP|GCLOUD|GOOGLE|GKE|GCS|GCR|GAR|FIREBASE)_?.*(KEY|CREDENTIALS?|_SA|SERVICE_ACCOUNT)($|_)|SERVICE_ACCOUNT_(KEY|JSON)|_SA_KEY$/i
const AZURE_NAME = /^(AZURE|ARM|AZ)_.*(CREDENTIALS|CLIENT_SECRET|SP_SECRET|SP_PASSWORD)/i
const PUBLISH_NAME =
  /^(NPM|NPMJS)_(TOKEN|AUTH_TOKEN|PUBLISH_TOKEN|API_KEY)$|^(TEST_)?PYPI(_API)?_(TOKEN|PASSWORD|KEY)$|^RUBYGEMS_(API_KEY|TOKEN|AUTH_TOKEN)$|^(CARGO_REGISTRY_TOKEN|CRATES_IO_TOKEN|CARGO_TOKEN)$|^NUGET_(API_KEY|TOKEN)$/i
const REGISTRY_NAME = /^(DOCKER|DOCKERHUB|DOCKER_HUB|QUAY|REGISTRY|HARBOR|ACR|GHCR)_(PASSWORD|TOKEN|PASS|PAT)$/i

/**
 * Classifies one secret by its name and by what it is bound to (env var or
 * input name): both carry meaning (`AWS_SECRET_ACCESS_KEY: ${{ secrets.PROD }}`).
 */
export function genericRow(name: string, boundTo: string | undefined, line: number, job?: Job): Row {
  const bound = (boundTo ?? '').toUpperCase()
  const base = { line, secrets: [name] }
  const via = boundTo ? ` → ${boundTo}` : ''
  if (isGithubToken(name)) return { ...base, provider: 'GitHub', method: `secret GITHUB_TOKEN${via}`, authClass: 'short-lived' }
  if (looksLikePat(name) || ((bound === 'GH_TOKEN' || bound === 'GITHUB_TOKEN' || GITHUB_TOKEN_INPUTS.has(bound.toLowerCase())) && !isGithubToken(name))) {
    return { ...base, provider: 'GitHub', method: `secret ${name}${via}`, authClass: 'pat', ruleId: 'OG-WF-004' }
  }
  if (AWS_ENV.has(bound) || AWS_NAME.test(name)) {
    return { ...base, provider: 'AWS', method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-001', cloud: true }
  }
  if (GCP_ENV.has(bound) || GCP_NAME.test(name)) {
    return { ...base, provider: 'GCP', method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-002', cloud: true }
  }
  if (AZURE_ENV.has(bound) || AZURE_NAME.test(name)) {
    return { ...base, provider: 'Azure', method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-003', cloud: true }
  }
  if ((PUBLISH_ENV.has(bound) || PUBLISH_NAME.test(name)) && !(bound === 'NODE_AUTH_TOKEN' && job && usesPrivateNpmRegistry(job))) {
    return { ...base, provider: publishTarget(bound || name), method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-006' }
  }
  if (REGISTRY_NAME.test(name)) {
    return { ...base, provider: 'container registry', method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-005' }
  }
  if (bound === 'VAULT_TOKEN' || /^VAULT_(TOKEN|SECRET_ID|PASSWORD)$/i.test(name)) {
    return { ...base, provider: 'Vault', method: `secret ${name}${via}`, authClass: 'stored-secret', ruleId: 'OG-WF-007' }
  }
  return { ...base, provider: 'other', method: `secret ${name}${via}`, authClass: 'stored-secret' }
}

function publishTarget(name: string): string {
  const n = name.toUpperCase()
  if (/NPM|NODE_AUTH/.test(n)) return 'npm'
  if (/PYPI|TWINE|UV_PUBLISH|POETRY/.test(n)) return 'PyPI'
  if (/GEM|RUBYGEMS/.test(n)) return 'RubyGems'
  if (/CARGO|CRATES/.test(n)) return 'crates.io'
  if (/NUGET/.test(n)) return 'NuGet'
  return 'package registry'
}

/** setup-node pointed at a registry other than npmjs (GitHub Packages, Artifactory…): no trusted publishing there. */
function usesPrivateNpmRegistry(job: Job): boolean {
  return job.steps.some(s => {
    const url = s.with['registry-url']?.value
    return usesIs(s.uses?.value, 'actions/setup-node') && url !== undefined && !/registry\.npmjs\.org/.test(url)
  })
}

// ---------------------------------------------------------------------------
// Steps

function stepRows(file: WorkflowFile, job: Job, step: Step): Row[] {
  const rows: Row[] = []
  const known = step.uses ? knownAction(step) : undefined
  if (known) rows.push(known)
  if (step.run) rows.push(...runRows(file, job, step))
  const consumed = new Set(known?.consumed ?? [])
  // Whatever secrets the step references beyond what its own mechanism accounts for.
  const login = step.run && /\b(docker|podman|buildah|helm\s+registry|skopeo|oras|crane\s+auth)\s+login\b/.test(step.run.value)
  for (const [key, value] of Object.entries(step.with)) {
    if (consumed.has(key)) continue
    const bound = tokenInput(step, key) ? 'github-token' : key
    for (const ref of secretRefs(value.value)) rows.push(genericRow(ref.name, bound, value.line, job))
  }
  for (const [key, value] of Object.entries(step.env)) {
    for (const ref of secretRefs(value.value)) {
      const row = genericRow(ref.name, key, value.line, job)
      rows.push(login && !row.ruleId && row.authClass === 'stored-secret' ? asRegistryLogin(row) : row)
    }
  }
  if (step.run) {
    for (const ref of secretRefs(step.run.value)) {
      const row = genericRow(ref.name, undefined, file.lineOfText(step.node, ref.text), job)
      rows.push(login && !row.ruleId && row.authClass === 'stored-secret' ? asRegistryLogin(row) : row)
    }
  }
  return rows
}

function asRegistryLogin(row: Row): Row {
  return { ...row, provider: 'container registry', ruleId: 'OG-WF-005', method: `${row.method} (registry login)` }
}

/** `token:` on GitHub's own actions is a GitHub token; on others (codecov…) it is not. */
function tokenInput(step: Step, key: string): boolean {
  if (GITHUB_TOKEN_INPUTS.has(key)) return true
  if (key !== 'token') return false
  const ref = step.uses ? parseUses(step.uses.value) : undefined
  return ref !== undefined && isFirstParty(ref)
}
