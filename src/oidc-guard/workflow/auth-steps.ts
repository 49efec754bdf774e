import type { AuthRow as Row } from './auth.js'
import type { Job, Located, Step, WorkflowFile } from './model.js'
import { hasExpression, isGithubToken, looksLikePat, secretRefs } from './secrets.js'
import { parseUses } from './uses.js'

/**
 * How known actions and `run:` scripts authenticate: the step-specific half
 * of the inventory (auth.ts classifies the remaining secrets by name).
 */

function secretsIn(...values: Array<Located<string> | undefined>): string[] {
  return values.flatMap(v => (v ? secretRefs(v.value).map(r => r.name) : []))
}

const OIDC_ONLY_ACTIONS: Record<string, string> = {
  'actions/attest-build-provenance': 'Sigstore',
  'actions/attest-sbom': 'Sigstore',
  'actions/attest': 'Sigstore',
  'actions/deploy-pages': 'GitHub Pages',
  'sigstore/gh-action-sigstore-python': 'Sigstore',
  'rust-lang/crates-io-auth-action': 'crates.io',
  'rubygems/release-gem': 'RubyGems',
  'rubygems/configure-rubygems-credentials': 'RubyGems',
  'octo-sts/action': 'GitHub (octo-sts)'
}

const APP_TOKEN_ACTIONS = ['actions/create-github-app-token', 'tibdex/github-app-token', 'peter-murray/workflow-application-token-action']
const REGISTRY_LOGIN_ACTIONS = ['docker/login-action', 'azure/docker-login', 'redhat-actions/podman-login']

/** Classifies a step by the action it uses; undefined for actions that are not auth steps. */
export function knownAction(step: Step): Row | undefined {
  const uses = parseUses(step.uses!.value)
  const slug = uses.slug ?? ''
  const w = step.with
  const at = step.uses!.line
  if (slug === 'aws-actions/configure-aws-credentials') {
    const consumed = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']
    const keys = w['aws-secret-access-key'] ?? w['aws-access-key-id']
    if (keys) {
      return {
        line: keys.line, provider: 'AWS', authClass: 'stored-secret', ruleId: 'OG-WF-001', cloud: true, consumed,
        method: `configure-aws-credentials with access keys${w['role-to-assume'] ? ' (then role-to-assume)' : ''}`,
        secrets: secretsIn(w['aws-access-key-id'], w['aws-secret-access-key'], w['aws-session-token'])
      }
    }
    if (w['web-identity-token-file']) {
      return { line: at, provider: 'AWS', method: 'configure-aws-credentials web identity token file', authClass: 'short-lived', cloud: true, secrets: [], consumed }
    }
    if (w['role-to-assume']) {
      return { line: at, provider: 'AWS', method: 'configure-aws-credentials role-to-assume (OIDC)', authClass: 'oidc', idToken: 'required', cloud: true, secrets: [], consumed }
    }
    return undefined
  }
  if (slug === 'google-github-actions/auth') {
    if (w.credentials_json) {
      return {
        line: w.credentials_json.line, provider: 'GCP', method: 'google-github-actions/auth credentials_json (service-account key)',
        authClass: 'stored-secret', ruleId: 'OG-WF-002', cloud: true, secrets: secretsIn(w.credentials_json), consumed: ['credentials_json']
      }
    }
    if (w.workload_identity_provider) {
      return { line: at, provider: 'GCP', method: 'google-github-actions/auth workload identity federation (OIDC)', authClass: 'oidc', idToken: 'required', cloud: true, secrets: [], consumed: [] }
    }
    return undefined
  }
  if (slug === 'google-github-actions/setup-gcloud' && w.service_account_key) {
    return {
      line: w.service_account_key.line, provider: 'GCP', method: 'setup-gcloud service_account_key', authClass: 'stored-secret',
      ruleId: 'OG-WF-002', cloud: true, secrets: secretsIn(w.service_account_key), consumed: ['service_account_key']
    }
  }
  if (slug === 'azure/login') {
    const consumed = ['creds', 'client-id', 'tenant-id', 'subscription-id']
    if (w.creds) {
      return { line: w.creds.line, provider: 'Azure', method: 'azure/login creds (service-principal secret)', authClass: 'stored-secret', ruleId: 'OG-WF-003', cloud: true, secrets: secretsIn(w.creds), consumed }
    }
    if ((w['auth-type']?.value ?? '').toUpperCase() === 'IDENTITY') {
      return { line: at, provider: 'Azure', method: 'azure/login managed identity', authClass: 'short-lived', cloud: true, secrets: [], consumed }
    }
    if (w['client-id']) {
      return { line: at, provider: 'Azure', method: 'azure/login federated credential (OIDC)', authClass: 'oidc', idToken: 'required', cloud: true, secrets: [], consumed }
    }
    return undefined
  }
  if (REGISTRY_LOGIN_ACTIONS.includes(slug)) return registryLogin(step, slug)
  if (slug === 'aws-actions/amazon-ecr-login') {
    return { line: at, provider: 'AWS ECR', method: 'amazon-ecr-login (token from the job\'s AWS credentials)', authClass: 'short-lived', secrets: [], consumed: [] }
  }
  if (slug === 'hashicorp/vault-action') {
    const method = (w.method?.value ?? 'token').toLowerCase()
    const consumed = ['token', 'roleId', 'secretId', 'username', 'password', 'jwtPrivateKey', 'githubToken']
    if (method === 'jwt' && !w.jwtPrivateKey) {
      return { line: at, provider: 'Vault', method: 'vault-action jwt (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [], consumed }
    }
    if (method === 'kubernetes') {
      return { line: at, provider: 'Vault', method: 'vault-action kubernetes', authClass: 'short-lived', secrets: [], consumed }
    }
    return {
      line: w.method?.line ?? at, provider: 'Vault', method: `vault-action method ${method}`, authClass: 'stored-secret', ruleId: 'OG-WF-007',
      secrets: secretsIn(w.token, w.roleId, w.secretId, w.username, w.password, w.jwtPrivateKey, w.githubToken), consumed
    }
  }
  if (slug === 'pypa/gh-action-pypi-publish') {
    const index = (w['repository-url'] ?? w.repository_url)?.value ?? ''
    if (index !== '' && !/^https:\/\/(test\.)?(upload\.)?pypi\.org\//.test(index) && w.password) {
      // A private index: no trusted publishing there, so the token is an ordinary stored secret.
      return { line: w.password.line, provider: 'package index', method: `pypi-publish to ${index} with a token`, authClass: 'stored-secret', secrets: secretsIn(w.password), consumed: ['password', 'user'] }
    }
    if (w.password && w.password.value.trim() !== '') {
      return { line: w.password.line, provider: 'PyPI', method: 'pypi-publish with an API token', authClass: 'stored-secret', ruleId: 'OG-WF-006', secrets: secretsIn(w.password), consumed: ['password', 'user'] }
    }
    return { line: at, provider: 'PyPI', method: 'pypi-publish trusted publishing (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [], consumed: [] }
  }
  if (APP_TOKEN_ACTIONS.includes(slug)) {
    return { line: at, provider: 'GitHub', method: 'GitHub App installation token', authClass: 'short-lived', secrets: [], consumed: Object.keys(w) }
  }
  if (slug === 'rubygems/configure-rubygems-credentials' && w['api-token']) {
    const server = w['gem-server']?.value ?? ''
    if (server !== '' && !/^https:\/\/rubygems\.org\/?$/.test(server)) {
      return { line: w['api-token'].line, provider: 'gem server', method: `configure-rubygems-credentials for ${server} with an API token`, authClass: 'stored-secret', secrets: secretsIn(w['api-token']), consumed: ['api-token'] }
    }
    return { line: w['api-token'].line, provider: 'RubyGems', method: 'configure-rubygems-credentials with an API token', authClass: 'stored-secret', ruleId: 'OG-WF-006', secrets: secretsIn(w['api-token']), consumed: ['api-token'] }
  }
  if (slug === 'ossf/scorecard-action' && w.publish_results?.value === 'true') {
    return { line: at, provider: 'OpenSSF Scorecard', method: 'scorecard publish_results (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [], consumed: [] }
  }
  if (slug === 'actions/github-script' && /getIDToken|ACTIONS_ID_TOKEN_REQUEST/.test(w.script?.value ?? '')) {
    return { line: at, provider: 'custom', method: 'github-script core.getIDToken (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [], consumed: [] }
  }
  if (/(^|\/)oidc-guard\/?(@|$)/.test(uses.raw) && w.mode?.value === 'verify-token') {
    return { line: at, provider: 'deploy-gates', method: 'oidc-guard verify-token (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [], consumed: [] }
  }
  const provider = OIDC_ONLY_ACTIONS[slug]
  if (provider) return { line: at, provider, method: `${slug} (OIDC)`, authClass: 'oidc', idToken: 'required', secrets: [], consumed: [] }
  return undefined
}

function registryLogin(step: Step, slug: string): Row | undefined {
  const w = step.with
  const registry = (w.registry?.value ?? w['login-server']?.value ?? (slug === 'docker/login-action' ? 'docker.io' : 'registry')).trim()
  const password = w.password
  const consumed = ['username', 'password', 'registry', 'login-server']
  const base = { provider: `registry ${registry}`, consumed }
  const ecr = /\.dkr\.ecr\.|public\.ecr\.aws/.test(registry)
  if (!password || password.value.trim() === '') {
    return ecr ? { ...base, line: step.uses!.line, method: 'ECR login with the job\'s AWS credentials', authClass: 'short-lived', secrets: [] } : undefined
  }
  const secrets = secretsIn(w.username, password)
  const line = password.line
  if (ecr && secrets.length > 0) {
    return { ...base, provider: 'AWS', line, method: `ECR login (${registry}) with AWS access keys`, authClass: 'stored-secret', ruleId: 'OG-WF-001', cloud: true, secrets }
  }
  if (secrets.length === 0) {
    // A step output (GAR access_token, app token…) is minted during the run.
    return hasExpression(password.value)
      ? { ...base, line, method: 'registry login with a token minted in the run', authClass: 'short-lived', secrets }
      : { ...base, line, method: 'registry login with a literal password (see OG-WF-033)', authClass: 'stored-secret', secrets }
  }
  const passwordSecrets = secretsIn(password)
  if (passwordSecrets.every(isGithubToken)) {
    return { ...base, line, method: 'registry login with GITHUB_TOKEN', authClass: 'short-lived', secrets }
  }
  if (/(^|\.)ghcr\.io$|docker\.pkg\.github\.com/.test(registry) || passwordSecrets.some(looksLikePat)) {
    return { ...base, line, method: 'registry login with a personal access token', authClass: 'pat', ruleId: 'OG-WF-004', secrets }
  }
  if (/^_json_key(_base64)?$/.test(w.username?.value ?? '')) {
    return { ...base, line, method: 'registry login with a GCP service-account key', authClass: 'stored-secret', ruleId: 'OG-WF-002', cloud: true, secrets }
  }
  return { ...base, line, method: 'registry login with a stored password', authClass: 'stored-secret', ruleId: 'OG-WF-005', secrets }
}

/** OIDC consumers and credential uses that only show in `run:` scripts. */
export function runRows(file: WorkflowFile, job: Job, step: Step): Row[] {
  const run = step.run!.value
  const rows: Row[] = []
  const at = (needle: string): number => file.lineOfText(step.node, needle)
  if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)|getIDToken/.test(run)) {
    rows.push({ line: at('ACTIONS_ID_TOKEN_REQUEST'), provider: 'custom', method: 'ID token requested in a run step (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [] })
  }
  const cosign = /\bcosign\s+(sign|attest|sign-blob|attest-blob)\b[^\n]*/.exec(run)
  if (cosign && !/--key\b/.test(cosign[0])) {
    rows.push({ line: at(cosign[0]), provider: 'Sigstore', method: 'cosign keyless signing (OIDC)', authClass: 'oidc', idToken: 'required', secrets: [] })
  }
  const publish = /\b(npm|pnpm|bun|bunx\s+npm|yarn(\s+npm)?)\s+publish\b[^\n]*/.exec(run)
  if (publish && !/--dry-run\b/.test(publish[0])) {
    const provenance = /--provenance\b/.test(publish[0]) || /^true$/i.test(step.env.NPM_CONFIG_PROVENANCE?.value ?? job.env.NPM_CONFIG_PROVENANCE?.value ?? file.env.NPM_CONFIG_PROVENANCE?.value ?? '')
    const token = ['NODE_AUTH_TOKEN', 'NPM_TOKEN'].some(k => step.env[k] ?? job.env[k] ?? file.env[k])
    if (provenance || !token) {
      rows.push({
        line: at(publish[0]), provider: 'npm', authClass: 'oidc', idToken: provenance ? 'required' : 'possible', secrets: [],
        method: provenance ? 'npm publish --provenance (OIDC)' : 'npm publish without a token (trusted publishing)'
      })
    }
  }
  const uv = /\buv\s+publish\b[^\n]*/.exec(run)
  if (uv && !/--token\b|--password\b/.test(uv[0]) && !(step.env.UV_PUBLISH_TOKEN ?? job.env.UV_PUBLISH_TOKEN ?? file.env.UV_PUBLISH_TOKEN)) {
    rows.push({
      line: at(uv[0]), provider: 'PyPI', method: 'uv publish trusted publishing (OIDC)', authClass: 'oidc', secrets: [],
      idToken: /--trusted-publishing\s+always/.test(uv[0]) ? 'required' : 'possible'
    })
  }
  return rows
}
