import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeployGatesConfig, parseConfig } from '../../src/core/config.js'
import type { RunContext } from '../../src/core/context.js'
import { ConfigError, UserError } from '../../src/core/errors.js'
import { silentLogger } from '../../src/core/logger.js'
import { runOidcGuard } from '../../src/oidc-guard/index.js'
import { FIXTURES } from './helpers.js'

let workspace: string

function ctx(configText?: string): RunContext {
  const config = configText ? parseConfig(configText, '.github/deploy-gates.yml') : DeployGatesConfig.empty()
  return { workspace, config, logger: silentLogger }
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'oidc-guard-'))
  mkdirSync(join(workspace, '.github/workflows'), { recursive: true })
  for (const name of ['prt-secrets.yml', 'aws-oidc-good.yml', 'registry-logins.yml']) {
    cpSync(join(FIXTURES, name), join(workspace, '.github/workflows', name))
  }
  mkdirSync(join(workspace, 'actions/deploy'), { recursive: true })
  cpSync(join(FIXTURES, 'composite-action.yml'), join(workspace, 'actions/deploy/action.yml'))
  mkdirSync(join(workspace, 'broken/.github/workflows'), { recursive: true })
  cpSync(join(FIXTURES, 'malformed.yml'), join(workspace, 'broken/.github/workflows/malformed.yml'))
  cpSync(join(FIXTURES, 'structural-errors.yml'), join(workspace, 'broken/.github/workflows/structural.yml'))
  writeFileSync(join(workspace, 'broken/.github/workflows/empty.yml'), '')
  mkdirSync(join(workspace, 'nothing'))
  mkdirSync(join(workspace, 'loose/sub'), { recursive: true })
  cpSync(join(FIXTURES, 'prt-labeler.yml'), join(workspace, 'loose/labeler.yml'))
  writeFileSync(join(workspace, 'loose/docker-compose.yml'), 'services:\n  web:\n    image: nginx\n')
  cpSync(join(FIXTURES, 'composite-action.yml'), join(workspace, 'loose/sub/action.yml'))
})

afterAll(() => rmSync(workspace, { recursive: true, force: true }))

describe('runOidcGuard audit', () => {
  it('audits workflows and composite actions found under the workspace and returns the inventory table', async () => {
    const result = await runOidcGuard(ctx(), { mode: 'audit', paths: ['.github', 'actions'] })
    expect(result.command).toBe('oidc-guard audit')
    expect(result.errors).toEqual([])
    expect(result.inputs).toEqual([
      '.github/workflows/aws-oidc-good.yml',
      '.github/workflows/prt-secrets.yml',
      '.github/workflows/registry-logins.yml',
      'actions/deploy/action.yml'
    ])
    const table = result.sections![0]!
    expect(table.title).toBe('Authentication inventory')
    expect(table.markdown).toContain('8 authentication use(s): 1 OIDC, 1 short-lived token, 4 stored secret, 2 personal access token')
    expect(table.markdown).toMatch(/\| personal access token ⛔ \| GitHub \| secret BOT_PAT → GH_TOKEN \| `\.github\/workflows\/prt-secrets\.yml:14` \| merge \| Approve \| OG-WF-004 \|/)
    expect(result.findings.filter(f => f.ruleId === 'OG-WF-008')).toHaveLength(2)
  })

  it('takes min-auth-level from the option over the config, and rejects unknown levels', async () => {
    const config = 'oidc-guard:\n  min-auth-level: pat\n'
    const relaxed = await runOidcGuard(ctx(config), { mode: 'audit', paths: ['.github'] })
    expect(relaxed.findings.filter(f => f.ruleId === 'OG-WF-008')).toEqual([])
    const strict = await runOidcGuard(ctx(config), { mode: 'audit', paths: ['.github'], minAuthLevel: 'OIDC' })
    expect(new Set(strict.findings.filter(f => f.ruleId === 'OG-WF-008').map(f => f.properties?.authClass))).toEqual(new Set(['pat', 'stored-secret', 'short-lived']))
    await expect(runOidcGuard(ctx(), { mode: 'audit', paths: ['.github'], minAuthLevel: 'secret' })).rejects.toThrow(UserError)
  })

  it('applies config enable/disable/severity/ignore', async () => {
    const config = [
      'oidc-guard:',
      '  disable: [OG-WF-022]',
      '  enable: [OG-WF-034]',
      '  severity: { OG-WF-004: critical }',
      '  ignore:',
      '    - { rule: OG-WF-005, uses: "docker/*", reason: docker hub has no OIDC }'
    ].join('\n')
    const result = await runOidcGuard(ctx(config), { mode: 'audit', paths: ['.github'] })
    const ids = result.findings.map(f => f.ruleId)
    expect(ids).not.toContain('OG-WF-022')
    expect(ids).toContain('OG-WF-034')
    expect(result.findings.filter(f => f.ruleId === 'OG-WF-004').map(f => f.severity)).toEqual(['critical', 'critical'])
    const ignored = result.findings.filter(f => f.ruleId === 'OG-WF-005')
    expect(ignored.map(f => Boolean(f.suppressed))).toEqual([true, false])
    expect(ignored[0]!.suppressed!.origin).toBe('.github/deploy-gates.yml:6 (oidc-guard.ignore[0])')
  })

  it('rejects unknown rule ids and keys in the config with file and line', async () => {
    await expect(runOidcGuard(ctx('oidc-guard:\n  disable:\n    - OG-WF-999\n'), { mode: 'audit', paths: ['.github'] })).rejects.toThrow(
      new ConfigError('oidc-guard.disable.0: unknown workflow rule "OG-WF-999"', '.github/deploy-gates.yml', 3)
    )
    await expect(runOidcGuard(ctx('oidc-guard:\n  min-auth-levle: pat\n'), { mode: 'audit', paths: ['.github'] })).rejects.toThrow(/unknown key "min-auth-levle"/)
  })

  it('accepts the token policy keys the verify-token gate reads', () => {
    const config = ctx('oidc-guard:\n  allowed-repositories: [acme/app]\n  denied-events: [pull_request_target]\n  require-ref-protected: true\n  audience: sts.amazonaws.com\n  verify-token:\n    allowed-refs: [refs/heads/main]\n')
    expect(config.config.section('oidc-guard').audience).toBe('sts.amazonaws.com')
  })

  it('turns malformed, mis-shaped and empty files into errors naming file and line', async () => {
    const result = await runOidcGuard(ctx(), { mode: 'audit', paths: ['broken'] })
    expect(result.errors).toEqual([
      { path: 'broken/.github/workflows/empty.yml', message: 'broken/.github/workflows/empty.yml: file is empty' },
      { path: 'broken/.github/workflows/malformed.yml', message: 'line 10: invalid YAML: quoted string opened here is never closed (the parser ran on to line 12)' },
      { path: 'broken/.github/workflows/structural.yml', message: 'line 4: permission "contents" must be read, write or none' },
      { path: 'broken/.github/workflows/structural.yml', message: 'line 9: `jobs.build.steps` must be a list of steps' },
      { path: 'broken/.github/workflows/structural.yml', message: 'line 10: job "lint" must be a mapping' }
    ])
  })

  it('examines nothing (and says so) when no workflow exists, and errors on a missing path', async () => {
    const empty = await runOidcGuard(ctx(), { mode: 'audit', paths: ['nothing'] })
    expect(empty.inputs).toEqual([])
    expect(empty.notices).toEqual(['no workflow or action file found under nothing'])
    const missing = await runOidcGuard(ctx(), { mode: 'audit', paths: ['does-not-exist'] })
    expect(missing.errors).toEqual([{ path: 'does-not-exist', message: 'file or directory not found' }])
  })
})

describe('file discovery', () => {
  it('takes workflow-looking top-level files of a directory without .github/workflows, never other YAML', async () => {
    const result = await runOidcGuard(ctx(), { mode: 'audit', paths: ['loose'] })
    expect(result.inputs).toEqual(['loose/labeler.yml', 'loose/sub/action.yml'])
    expect(result.errors).toEqual([])
  })

  it('audits an explicitly named file whatever its directory', async () => {
    const result = await runOidcGuard(ctx(), { mode: 'audit', paths: ['loose/labeler.yml'] })
    expect(result.inputs).toEqual(['loose/labeler.yml'])
  })
})

describe('runOidcGuard dispatch', () => {
  it('verify-token without a token source is a user error', async () => {
    await expect(runOidcGuard(ctx(), { mode: 'verify-token', paths: [], audience: 'x' })).rejects.toThrow(/no ID token source/)
  })

  it('verify-token passes the audience and maps a missing permission to OG-RT-001', async () => {
    const asked: string[] = []
    const result = await runOidcGuard(ctx('oidc-guard:\n  audience: sts.amazonaws.com\n'), {
      mode: 'verify-token',
      paths: [],
      getIdToken: async audience => {
        asked.push(audience)
        throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
      }
    })
    expect(asked).toEqual(['sts.amazonaws.com'])
    expect(result.findings.map(f => f.ruleId)).toEqual(['OG-RT-001'])
  })

  it('trust-policies reaches the trust-policy audit', async () => {
    writeFileSync(
      join(workspace, 'trust.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }
          }
        ]
      })
    )
    const result = await runOidcGuard(ctx(), { mode: 'trust-policies', paths: ['trust.json'] })
    expect(result.findings.map(f => f.ruleId)).toContain('OG-TP-001')
  })
})
