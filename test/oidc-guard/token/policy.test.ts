import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/core/errors.js'
import { evaluateTokenPolicy, refMatches, tokenPolicyFromConfig } from '../../../src/oidc-guard/token/policy.js'

describe('tokenPolicyFromConfig', () => {
  it('defaults: deny pull_request_target, github-hosted runners, nothing else restricted', () => {
    expect(tokenPolicyFromConfig({}, {})).toEqual({
      allowedRepositories: [],
      allowedRefs: [],
      allowedEnvironments: [],
      deniedEvents: ['pull_request_target'],
      allowedEvents: [],
      jobWorkflowRefs: [],
      runnerEnvironment: 'github-hosted',
      requireRefProtected: false
    })
  })

  it('reads config lists and lets non-empty inputs (comma/newline lists) override them', () => {
    const policy = tokenPolicyFromConfig(
      { 'allowed-refs': ['refs/heads/main'], 'allowed-repositories': ['acme/a'], 'runner-environment': 'any' },
      { 'allowed-repositories': 'acme/b,\nacme@65/c@77', 'allowed-refs': '  ', 'require-ref-protected': 'true' }
    )
    expect(policy.allowedRepositories).toEqual(['acme/b', 'acme@65/c@77'])
    expect(policy.allowedRefs).toEqual(['refs/heads/main'])
    expect(policy.runnerEnvironment).toBeUndefined()
    expect(policy.requireRefProtected).toBe(true)
  })

  it('accepts keys nested under verify-token', () => {
    const policy = tokenPolicyFromConfig({ 'allowed-refs': ['main'], 'denied-events': ['push'], 'verify-token': { 'denied-events': [] } }, {})
    expect(policy.deniedEvents).toEqual([])
    expect(policy.allowedRefs).toEqual(['main'])
  })

  it('rejects bad values instead of weakening the gate', () => {
    expect(() => tokenPolicyFromConfig({ 'runner-environment': 'github' }, {})).toThrow(ConfigError)
    expect(() => tokenPolicyFromConfig({}, { 'require-ref-protected': 'yes' })).toThrow(ConfigError)
    expect(() => tokenPolicyFromConfig({ 'allowed-repositories': ['acme@x/repo'] }, {})).toThrow(/immutable/)
    expect(() => tokenPolicyFromConfig({ 'allowed-refs': 3 }, {})).toThrow(ConfigError)
  })
})

describe('policy matching', () => {
  it('ref globs: full refs and short names, * does not cross /', () => {
    expect(refMatches('refs/tags/v*', 'refs/tags/v1.2.3')).toBe(true)
    expect(refMatches('refs/heads/release/*', 'refs/heads/release/a/b')).toBe(false)
    expect(refMatches('main', 'refs/heads/main')).toBe(true)
    expect(refMatches('main', 'refs/heads/mainline')).toBe(false)
  })

  it('repository globs are case-insensitive names; ids must match exactly', () => {
    const claims = { repository: 'Acme/Payments', repository_id: '74', repository_owner_id: '65' }
    const base = { allowedRefs: [], allowedEnvironments: [], deniedEvents: [], allowedEvents: [], jobWorkflowRefs: [] }
    expect(evaluateTokenPolicy(claims, { ...base, allowedRepositories: ['acme/*'] })).toEqual([])
    expect(evaluateTokenPolicy(claims, { ...base, allowedRepositories: ['acme@66/payments@74'] })).toHaveLength(1)
    expect(evaluateTokenPolicy(claims, { ...base, allowedRepositories: ['740'] })).toHaveLength(1)
  })
})
