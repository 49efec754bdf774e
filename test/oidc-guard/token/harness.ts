import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose'
import { DeployGatesConfig } from '../../../src/core/config.js'
import type { RunContext } from '../../../src/core/context.js'
import { silentLogger } from '../../../src/core/logger.js'

export const REQUEST_TOKEN = 'runner-request-token-for-tests'

export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  jwk: JWK
}

export async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  return { kid, privateKey, publicKey, jwk }
}

export async function publicKeyPem(key: SigningKey): Promise<string> {
  return exportSPKI(key.publicKey)
}

/**
 * Plays both sides GitHub runs on a real job: the runner's ID-token endpoint
 * (ACTIONS_ID_TOKEN_REQUEST_URL + bearer) and the issuer's discovery + JWKS.
 */
export class FakeGitHub {
  server!: Server
  issuer = ''
  /** What /jwks serves: keys, an HTTP failure or junk. One entry consumed per fetch, the last one repeats. */
  jwksPlan: Array<SigningKey[] | 'down' | 'junk' | 'hang'> = []
  discovery: 'ok' | 'down' | 'junk' | 'wrong-issuer' = 'ok'
  jwksFetches = 0
  discoveryFetches = 0
  /** Token handed out by the runner endpoint, by requested audience. */
  mint: (audience: string) => Promise<string> = async () => 'unset'
  requestedAudiences: string[] = []

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        res.statusCode = 500
        res.end()
      })
    })
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.issuer = `http://127.0.0.1:${port}`
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  get tokenUrl(): string {
    return `${this.issuer}/_apis/idtoken?api-version=2.0`
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer)
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
    }
    if (url.pathname === '/_apis/idtoken') {
      if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) return json(401, { message: 'bad request token' })
      const audience = url.searchParams.get('audience') ?? ''
      this.requestedAudiences.push(audience)
      return json(200, { value: await this.mint(audience) })
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      this.discoveryFetches++
      if (this.discovery === 'down') return json(503, { message: 'down' })
      if (this.discovery === 'junk') return json(200, '<html>maintenance</html>')
      const issuer = this.discovery === 'wrong-issuer' ? 'https://evil.example' : this.issuer
      return json(200, { issuer, jwks_uri: `${this.issuer}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256'] })
    }
    if (url.pathname === '/.well-known/jwks') {
      const plan = this.jwksPlan[Math.min(this.jwksFetches, this.jwksPlan.length - 1)] ?? []
      this.jwksFetches++
      if (plan === 'hang') return // never answers: the client's timeout must fire
      if (plan === 'down') return json(500, { message: 'boom' })
      if (plan === 'junk') return json(200, '{"keys": "nope"')
      return json(200, { keys: plan.map(k => k.jwk) })
    }
    json(404, { message: 'not found' })
  }
}

export function baseClaims(issuer: string, audience: string, now = Math.floor(Date.now() / 1000)): JWTPayload & Record<string, unknown> {
  return {
    iss: issuer,
    aud: audience,
    sub: 'repo:acme/payments:environment:prod',
    iat: now,
    nbf: now - 600,
    exp: now + 300,
    jti: 'c1a2b3',
    actor: 'octocat',
    actor_id: '583231',
    repository: 'acme/payments',
    repository_id: '74',
    repository_owner: 'acme',
    repository_owner_id: '65',
    repository_visibility: 'private',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    ref_protected: 'true',
    sha: '9f2c5d1e0b7a4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
    environment: 'prod',
    event_name: 'push',
    workflow: 'Deploy',
    workflow_ref: 'acme/payments/.github/workflows/deploy.yml@refs/heads/main',
    workflow_sha: '9f2c5d1e0b7a4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
    job_workflow_ref: 'acme/platform/.github/workflows/deploy.yml@refs/tags/v3',
    job_workflow_sha: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    runner_environment: 'github-hosted',
    run_id: '9876543210',
    run_number: '42',
    run_attempt: '1'
  }
}

export async function sign(claims: JWTPayload, key: SigningKey, kid = key.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey)
}

export function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function testContext(): RunContext {
  return { workspace: process.cwd(), config: DeployGatesConfig.empty(), logger: silentLogger }
}
