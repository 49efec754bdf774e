import { createHmac } from 'node:crypto'
import { getIDToken } from '@actions/core'
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseConfig } from '../../../src/core/config.js'
import { runTokenGate, tokenPolicyFromConfig, type TokenGateOptions } from '../../../src/oidc-guard/token/gate.js'
import type { TokenPolicy } from '../../../src/oidc-guard/token/policy.js'
import { TOKEN_RULES } from '../../../src/oidc-guard/token/rules.js'
import { verifyIdToken } from '../../../src/oidc-guard/token/verify.js'
import { b64url, baseClaims, FakeGitHub, newKey, publicKeyPem, REQUEST_TOKEN, sign, testContext, type SigningKey } from './harness.js'

const AUDIENCE = 'sts.amazonaws.com'

function openPolicy(overrides: Partial<TokenPolicy> = {}): TokenPolicy {
  return {
    allowedRepositories: ['acme/payments'],
    allowedRefs: ['refs/heads/main'],
    allowedEnvironments: ['prod'],
    deniedEvents: ['pull_request_target'],
    allowedEvents: [],
    jobWorkflowRefs: ['acme/platform/.github/workflows/deploy.yml@refs/tags/v3'],
    runnerEnvironment: 'github-hosted',
    requireRefProtected: true,
    ...overrides
  }
}

describe('runTokenGate over the real runner/issuer protocol on loopback', () => {
  const gh = new FakeGitHub()
  let key: SigningKey
  let otherKey: SigningKey

  beforeAll(async () => {
    await gh.start()
    key = await newKey('key-1')
    otherKey = await newKey('key-2')
  })
  afterAll(async () => gh.stop())

  beforeEach(() => {
    gh.jwksPlan = [[key]]
    gh.discovery = 'ok'
    gh.jwksFetches = 0
    gh.discoveryFetches = 0
    gh.requestedAudiences = []
    gh.mint = async audience => sign(baseClaims(gh.issuer, audience), key)
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', gh.tokenUrl)
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', REQUEST_TOKEN)
    // getIDToken masks the token with ::add-mask::; keep it out of the test log.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  async function gate(overrides: Partial<TokenGateOptions> = {}) {
    return runTokenGate(testContext(), { audience: AUDIENCE, policy: openPolicy(), issuer: gh.issuer, ...overrides }, getIDToken)
  }

  function ruleIds(result: Awaited<ReturnType<typeof gate>>): string[] {
    return result.findings.map(f => f.ruleId)
  }

  it('passes a good token and outputs only non-secret verified claims', async () => {
    const result = await gate()
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
    expect(result.inputs).toEqual(['id-token'])
    expect(gh.requestedAudiences).toEqual([AUDIENCE])
    expect(result.outputs).toMatchObject({
      repository: 'acme/payments',
      repository_id: '74',
      ref: 'refs/heads/main',
      environment: 'prod',
      event_name: 'push',
      job_workflow_ref: 'acme/platform/.github/workflows/deploy.yml@refs/tags/v3',
      runner_environment: 'github-hosted',
      sub: 'repo:acme/payments:environment:prod'
    })
    const token = await gh.mint(AUDIENCE)
    const serialized = JSON.stringify(result)
    expect(serialized).not.toContain(token.split('.')[2]!)
    expect(result.outputs).not.toHaveProperty('jti')
    expect(result.sections?.[0]?.markdown).toContain('| `repository` | acme/payments | ✅ |')
    expect(gh.discoveryFetches).toBe(1)
    expect(gh.jwksFetches).toBe(1)
  })

  it('rejects a token signed by a key the issuer does not publish under that kid', async () => {
    gh.mint = async audience => sign(baseClaims(gh.issuer, audience), otherKey, 'key-1')
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.severity).toBe('critical')
    expect(result.outputs).toBeUndefined()
  })

  it('rejects alg none', async () => {
    gh.mint = async audience => `${b64url({ alg: 'none', typ: 'JWT', kid: 'key-1' })}.${b64url(baseClaims(gh.issuer, audience))}.`
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.message).toMatch(/"none" refused/)
    expect(gh.jwksFetches).toBe(0)
  })

  it('rejects HS256 signed with the public key as the HMAC secret', async () => {
    const secret = await publicKeyPem(key)
    gh.mint = async audience => {
      const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })}.${b64url(baseClaims(gh.issuer, audience))}`
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
    }
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.message).toMatch(/"HS256" refused/)
  })

  it('rejects other asymmetric algorithms (PS256) even with a published kid', async () => {
    const { privateKey } = await generateKeyPair('PS256')
    gh.mint = async audience => new SignJWT(baseClaims(gh.issuer, audience)).setProtectedHeader({ alg: 'PS256', kid: 'key-1' }).sign(privateKey)
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.message).toMatch(/"PS256" refused/)
  })

  it('rejects a token that is not a JWS at all', async () => {
    gh.mint = async () => 'not-a-jwt'
    expect(ruleIds(await gate())).toEqual(['OG-RT-002'])
  })

  it('rejects an expired token beyond the skew', async () => {
    const now = Math.floor(Date.now() / 1000)
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience, now - 3600) }, key)
    expect(ruleIds(await gate())).toEqual(['OG-RT-005'])
  })

  it('accepts a token expired by less than the skew', async () => {
    const now = Math.floor(Date.now() / 1000)
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), exp: now - 10 }, key)
    expect(ruleIds(await gate({ clockSkewSeconds: 60 }))).toEqual([])
  })

  it('rejects a token that is not yet valid', async () => {
    const now = Math.floor(Date.now() / 1000)
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), nbf: now + 600, iat: now, exp: now + 900 }, key)
    expect(ruleIds(await gate())).toEqual(['OG-RT-005'])
  })

  it('rejects a token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000)
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), nbf: now - 10, iat: now + 600, exp: now + 900 }, key)
    expect(ruleIds(await gate())).toEqual(['OG-RT-005'])
  })

  it('rejects a wrong audience', async () => {
    gh.mint = async () => sign(baseClaims(gh.issuer, 'https://github.com/acme'), key)
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-004'])
    expect(result.findings[0]!.message).toContain('https://github.com/acme')
  })

  it('rejects a wrong issuer without fetching keys from it', async () => {
    gh.mint = async audience => sign(baseClaims('https://token.actions.evil.example', audience), key)
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-003'])
    expect(gh.discoveryFetches).toBe(0)
  })

  it('refetches the JWKS once for an unknown kid and passes when the rotated set has it', async () => {
    gh.jwksPlan = [[key], [key, otherKey]]
    gh.mint = async audience => sign(baseClaims(gh.issuer, audience), otherKey)
    const result = await gate()
    expect(ruleIds(result)).toEqual([])
    expect(gh.jwksFetches).toBe(2)
  })

  it('fails after exactly one refetch when the kid stays unknown', async () => {
    gh.jwksPlan = [[key]]
    gh.mint = async audience => sign(baseClaims(gh.issuer, audience), otherKey)
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.message).toContain('kid "key-2"')
    expect(gh.jwksFetches).toBe(2)
  })

  it.each([
    ['JWKS down', () => (gh.jwksPlan = ['down']), /HTTP 500/],
    ['JWKS junk', () => (gh.jwksPlan = ['junk']), /not JSON/],
    ['discovery down', () => (gh.discovery = 'down'), /HTTP 503/],
    ['discovery junk', () => (gh.discovery = 'junk'), /not JSON/],
    ['discovery names another issuer', () => (gh.discovery = 'wrong-issuer'), /names issuer/]
  ])('fails closed when %s', async (_name, arrange, reason) => {
    arrange()
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-002'])
    expect(result.findings[0]!.message).toMatch(/failing closed/)
    expect(result.findings[0]!.message).toMatch(reason)
  })

  it('fails closed when the JWKS endpoint hangs (fetch timeout)', async () => {
    gh.jwksPlan = ['hang']
    const token = await sign(baseClaims(gh.issuer, AUDIENCE), key)
    const outcome = await verifyIdToken(token, { audience: AUDIENCE, issuer: gh.issuer, timeoutMs: 200 })
    expect(outcome).toMatchObject({ ok: false, ruleId: 'OG-RT-002' })
    expect(outcome.ok ? '' : outcome.message).toMatch(/no answer within 200 ms/)
  })

  it('fails closed when the issuer is unreachable', async () => {
    const result = await gate({ issuer: 'http://127.0.0.1:1' })
    gh.mint = async audience => sign(baseClaims('http://127.0.0.1:1', audience), key)
    const again = await gate({ issuer: 'http://127.0.0.1:1' })
    expect(ruleIds(result)).toEqual(['OG-RT-003'])
    expect(ruleIds(again)).toEqual(['OG-RT-002'])
    expect(again.findings[0]!.message).toMatch(/unreachable/)
  })

  it.each<[string, Record<string, unknown>, Partial<TokenPolicy>, string]>([
    ['repository', { repository: 'evil/payments', repository_id: '999' }, {}, 'repository'],
    ['ref', { ref: 'refs/heads/feature-x' }, {}, 'ref'],
    ['environment', { environment: 'staging' }, {}, 'environment'],
    ['missing environment', { environment: undefined }, {}, 'environment'],
    ['pull_request_target', { event_name: 'pull_request_target' }, {}, 'event_name'],
    ['allowed events', { event_name: 'workflow_dispatch' }, { allowedEvents: ['push'] }, 'event_name'],
    ['job_workflow_ref', { job_workflow_ref: 'acme/platform/.github/workflows/deploy.yml@refs/heads/dev' }, {}, 'job_workflow_ref'],
    ['job_workflow sha pin', { job_workflow_sha: 'b'.repeat(40) }, { jobWorkflowRefs: [`acme/platform/.github/workflows/deploy.yml@${'a'.repeat(40)}`] }, 'job_workflow_ref'],
    ['runner_environment', { runner_environment: 'self-hosted' }, {}, 'runner_environment'],
    ['ref_protected', { ref_protected: 'false' }, {}, 'ref_protected']
  ])('reports a %s mismatch as OG-RT-006', async (_name, change, policy, claim) => {
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), ...change }, key)
    const result = await gate({ policy: openPolicy(policy) })
    expect(ruleIds(result)).toEqual(['OG-RT-006'])
    expect(result.findings[0]!.message).toContain(claim)
    expect(result.sections?.[0]?.markdown ?? '').toContain('❌')
  })

  it('accepts a matching sha pin on job_workflow_ref', async () => {
    const result = await gate({ policy: openPolicy({ jobWorkflowRefs: [`acme/platform/.github/workflows/deploy.yml@${'a'.repeat(40)}`] }) })
    expect(ruleIds(result)).toEqual([])
  })

  it('matches the immutable owner@id/repo@id form and bare repository_id by ids, not names', async () => {
    // A renamed/transferred repository keeps its ids; a squatter with the old name does not.
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), repository: 'acme/payments-renamed' }, key)
    expect(ruleIds(await gate({ policy: openPolicy({ allowedRepositories: ['acme@65/payments@74'] }) }))).toEqual([])
    expect(ruleIds(await gate({ policy: openPolicy({ allowedRepositories: ['74'] }) }))).toEqual([])
    gh.mint = async audience => sign({ ...baseClaims(gh.issuer, audience), repository_id: '75' }, key)
    expect(ruleIds(await gate({ policy: openPolicy({ allowedRepositories: ['acme@65/payments@74'] }) }))).toEqual(['OG-RT-006'])
  })

  it('turns a missing id-token permission into OG-RT-001 with the exact fix', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', '')
    vi.stubEnv('GITHUB_WORKFLOW_REF', 'acme/payments/.github/workflows/deploy.yml@refs/heads/main')
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-001'])
    const f = result.findings[0]!
    expect(f.path).toBe('.github/workflows/deploy.yml')
    expect(f.fix).toContain('permissions:\n  id-token: write')
    expect(f.message).toContain('permissions:\n  id-token: write')
    expect(gh.requestedAudiences).toEqual([])
  })

  it('reports a token endpoint refusal as OG-RT-001 without the permission hint', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'wrong')
    const result = await gate()
    expect(ruleIds(result)).toEqual(['OG-RT-001'])
    expect(result.findings[0]!.message).toMatch(/failed/)
  })

  it('points policy violations at the config key line', async () => {
    const config = parseConfig('version: 1\noidc-guard:\n  allowed-refs:\n    - refs/heads/release\n', '.github/deploy-gates.yml')
    const policy = tokenPolicyFromConfig(config.section('oidc-guard'), {})
    const result = await runTokenGate({ ...testContext(), config }, { audience: AUDIENCE, policy, issuer: gh.issuer }, getIDToken)
    expect(result.findings.map(f => [f.ruleId, f.path, f.line])).toEqual([['OG-RT-006', '.github/deploy-gates.yml', 4]])
  })

  it('has one rule entry per OG-RT id', () => {
    expect(TOKEN_RULES.map(r => r.id)).toEqual(['OG-RT-001', 'OG-RT-002', 'OG-RT-003', 'OG-RT-004', 'OG-RT-005', 'OG-RT-006'])
  })
})
