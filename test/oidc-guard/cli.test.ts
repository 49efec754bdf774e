import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { command, requestIdToken } from '../../src/cli/commands/oidc-guard.js'
import { DeployGatesConfig } from '../../src/core/config.js'
import { UserError } from '../../src/core/errors.js'
import { silentLogger } from '../../src/core/logger.js'
import { FIXTURES } from './helpers.js'

let server: Server
let base = ''
const seen: Array<{ url: string; auth: string | undefined }> = []
let workspace: string

beforeAll(async () => {
  // Plays the runner's token endpoint on loopback.
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization })
    if (req.headers.authorization !== 'Bearer request-token') {
      res.writeHead(403).end('{"message":"forbidden"}')
      return
    }
    if (req.url?.includes('empty=1')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: 'header.payload.signature' }))
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`
  workspace = mkdtempSync(join(tmpdir(), 'oidc-guard-cli-'))
  mkdirSync(join(workspace, '.github/workflows'), { recursive: true })
  cpSync(join(FIXTURES, 'prt-secrets.yml'), join(workspace, '.github/workflows/prt.yml'))
})

afterAll(async () => {
  await new Promise(done => server.close(done))
  rmSync(workspace, { recursive: true, force: true })
})

describe('requestIdToken (runner token protocol)', () => {
  it('sends the bearer and the URL-encoded audience and returns the value', async () => {
    const token = await requestIdToken('api://AzureADTokenExchange', { ACTIONS_ID_TOKEN_REQUEST_URL: base, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' })
    expect(token).toBe('header.payload.signature')
    expect(seen.at(-1)).toEqual({ url: '/token?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange', auth: 'Bearer request-token' })
  })

  it('fails with the same messages as @actions/core when the permission is missing', async () => {
    await expect(requestIdToken('x', {})).rejects.toThrow('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
    await expect(requestIdToken('x', { ACTIONS_ID_TOKEN_REQUEST_URL: base })).rejects.toThrow('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable')
  })

  it('fails closed on a refused request and on an answer without a token', async () => {
    await expect(requestIdToken('x', { ACTIONS_ID_TOKEN_REQUEST_URL: base, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' })).rejects.toThrow(/Error Code : 403/)
    await expect(requestIdToken('x', { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}&empty=1`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' })).rejects.toThrow(/ID Token field/)
  })
})

describe('deploy-gates oidc-guard', () => {
  const ctx = () => ({ workspace, config: DeployGatesConfig.empty(), logger: silentLogger })

  it('defaults to audit and treats the positionals as paths', async () => {
    const implicit = await command.run(['.github'], {}, ctx())
    const explicit = await command.run(['audit', '.github'], { 'min-auth-level': 'stored-secret' }, ctx())
    expect(implicit.command).toBe('oidc-guard audit')
    expect(implicit.inputs).toEqual(['.github/workflows/prt.yml'])
    expect(explicit.findings.map(f => f.fingerprint)).toEqual(implicit.findings.map(f => f.fingerprint))
    const relaxed = await command.run(['audit'], { 'min-auth-level': 'pat' }, ctx())
    expect(relaxed.findings.map(f => f.ruleId)).not.toContain('OG-WF-008')
  })

  it('rejects unknown flags and policy flags outside verify-token', async () => {
    await expect(command.run(['audit'], { 'min-auth': 'pat' }, ctx())).rejects.toThrow(UserError)
    await expect(command.run(['audit'], { 'allowed-refs': 'main' }, ctx())).rejects.toThrow(/only applies to verify-token/)
  })

  it('verify-token outside a job with id-token: write yields OG-RT-001, never a pass', async () => {
    const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    try {
      const result = await command.run(['verify-token'], { audience: 'sts.amazonaws.com' }, ctx())
      expect(result.findings.map(f => f.ruleId)).toEqual(['OG-RT-001'])
    } finally {
      if (saved.url !== undefined) process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url
      if (saved.token !== undefined) process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token
    }
  })
})
