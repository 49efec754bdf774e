import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/core/config.js'
import { ruleDocsUrl } from '../../../src/core/rule.js'
import { nodeCommandRunner, type CommandRunner } from '../../../src/rollback-verify/analyze/command-runner.js'
import { analyzeOptionsFromInputs } from '../../../src/rollback-verify/analyze/options.js'
import { LIVE_RULES } from '../../../src/rollback-verify/analyze/rules.js'
import { runAnalyze, runAnalyzeWith } from '../../../src/rollback-verify/analyze/run.js'
import { freePort } from '../../support/prometheus.js'
import { startMetricsService, type MetricsService } from '../../support/metrics-service.js'
import { FakeClock } from './fake-clock.js'
import { context, nodeScript } from './support.js'

const ruleIds = (result: { findings: Array<{ ruleId: string }> }) => result.findings.map(f => f.ruleId)

describe('runAnalyze flow (real local service, real child processes)', () => {
  let service: MetricsService
  const health = (extra: Record<string, string> = {}) => ({ 'health-url': `${service.url}/healthz`, ...extra })

  beforeAll(async () => {
    service = await startMetricsService({ healthy: false })
  })
  beforeEach(() => service.setHealthy(false))
  afterAll(() => service.close())

  it('rolls back with a real command, verifies, and still reports the failed deploy', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-command': nodeScript('rollback.mjs', service.url), 'verify-command': nodeScript('verify.mjs', service.url) }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-001'])
    expect(result.outputs).toEqual({ 'analysis-phase': 'Failed', rollback: 'verified' })
    const finding = result.findings[0]!
    expect(finding).toMatchObject({
      source: 'rollback-verify',
      ruleName: 'analysis-failed',
      path: 'analysis',
      line: 1,
      kind: 'policy',
      helpUri: ruleDocsUrl('rollback-verify', 'RV-LIVE-001')
    })
    expect(finding.message).toContain('last value 503')
    expect(result.inputs).toEqual([`analysis: HTTP ${service.url}/healthz status code`])
  })

  it('a rollback binary that does not exist is an error and RV-LIVE-004, never a pass', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-command': 'deploy-gates-missing-cli rollout undo' }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-001', 'RV-LIVE-004'])
    expect(result.findings[1]!.message).toContain('command not found')
    expect(result.errors).toEqual([{ path: 'analysis', message: 'rollback could not start: cannot start "deploy-gates-missing-cli": command not found' }])
    expect(result.outputs?.rollback).toBe('failed')
  })

  it('the kubectl preset fails clearly when kubectl is not installed', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-preset': 'kubectl', 'rollback-args': 'deployment=web' }))
    // The real runner, with kubectl renamed so the test does not depend on what PATH holds.
    const result = await runAnalyze(context(), options, (argv, opts) => nodeCommandRunner([argv[0] === 'kubectl' ? 'deploy-gates-no-kubectl' : argv[0]!, ...argv.slice(1)], opts))
    expect(ruleIds(result)).toContain('RV-LIVE-004')
    expect(result.errors[0]!.message).toContain('command not found')
  })

  it('runs preset steps in order: undo, rollout status, verify command, fresh analysis', async () => {
    const calls: string[][] = []
    const runner: CommandRunner = async argv => {
      calls.push([...argv])
      if (argv[2] === 'undo') service.setHealthy(true) // what a real undo would do to the service
      return { exitCode: 0, stdout: '', stderr: '', durationMs: 1 }
    }
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-preset': 'kubectl', 'rollback-args': 'deployment=web\nnamespace=prod', 'verify-command': 'curl -fsS http://web/healthz' }))
    const result = await runAnalyze(context(), options, runner)
    expect(calls).toEqual([
      ['kubectl', 'rollout', 'undo', 'deployment/web', '--namespace', 'prod'],
      ['kubectl', 'rollout', 'status', 'deployment/web', '--namespace', 'prod', '--timeout=5m'],
      ['curl', '-fsS', 'http://web/healthz']
    ])
    expect(result.outputs?.rollback).toBe('verified')
    expect(result.sections?.[0]?.markdown).toMatch(/\| rollback: kubectl rollout undo … \| `kubectl rollout undo deployment\/web --namespace prod` \| ✅ passed \(exit 0\)/)
  })

  it('rollback exits 0 but the service stays broken → fresh analysis fails → RV-LIVE-005', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-command': JSON.stringify([process.execPath, '-e', 'process.exit(0)']) }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-001', 'RV-LIVE-005'])
    expect(result.findings[1]!.message).toContain('fresh analysis ended Failed')
    expect(result.outputs?.rollback).toBe('not-verified')
  })

  it('a failing verify command means not verified, and the fresh analysis is skipped', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-command': nodeScript('rollback.mjs', service.url), 'verify-command': nodeScript('fail.mjs') }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-001', 'RV-LIVE-005'])
    expect(result.findings[1]!.message).toContain('no rollout history found')
    expect(result.sections?.[0]?.markdown).not.toContain('Re-analysis')
  })

  it('reanalyze false and no verify command: the rollback is not verified', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'rollback-command': nodeScript('rollback.mjs', service.url), reanalyze: 'false' }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-001', 'RV-LIVE-005'])
  })

  it('Inconclusive (both conditions false) → RV-LIVE-003 and no rollback', async () => {
    const options = analyzeOptionsFromInputs(
      {},
      health({ 'json-path': 'successRate', 'success-condition': 'result >= 0.99', 'failure-condition': 'result < 0.3', 'rollback-command': nodeScript('rollback.mjs', service.url) })
    )
    const rollbacksBefore = service.rollbacks
    // The provider is replaced by a fixed in-between value: the service only knows 1 and its broken rate.
    const result = await runAnalyzeWith(context(), options, { provider: { description: 'fixed 0.5', measure: async () => 0.5 } })
    expect(ruleIds(result)).toEqual(['RV-LIVE-003'])
    expect(result.findings[0]!.severity).toBe('medium')
    expect(result.outputs).toEqual({ 'analysis-phase': 'Inconclusive', rollback: 'not-needed' })
    expect(service.rollbacks).toBe(rollbacksBefore)
    expect(result.sections?.[0]?.markdown).toContain('skipped')
  })

  it('on-inconclusive: rollback rolls back an Inconclusive run', async () => {
    const options = analyzeOptionsFromInputs(
      {},
      health({ 'success-condition': 'result == 200', 'failure-condition': 'result == 500', 'on-inconclusive': 'rollback', 'rollback-command': nodeScript('rollback.mjs', service.url) })
    )
    const result = await runAnalyze(context(), options) // 503 is neither 200 nor 500
    expect(ruleIds(result)).toEqual(['RV-LIVE-003'])
    expect(result.outputs).toEqual({ 'analysis-phase': 'Inconclusive', rollback: 'verified' })
    expect(result.findings[0]!.message).toContain('was verified')
  })

  it('on-error: inconclusive reports RV-LIVE-002 as a warning and does not roll back', async () => {
    const port = await freePort()
    const calls: string[][] = []
    const options = analyzeOptionsFromInputs(
      {},
      { 'health-url': `http://127.0.0.1:${port}/healthz`, 'on-error': 'inconclusive', 'consecutive-error-limit': '0', 'rollback-command': 'echo never' }
    )
    const result = await runAnalyze(context(), options, async argv => {
      calls.push([...argv])
      return { exitCode: 0, stdout: '', stderr: '', durationMs: 0 }
    })
    expect(calls).toEqual([])
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual([['RV-LIVE-002', 'medium']])
    // still never a pass: nothing could be measured at all
    expect(result.errors).toHaveLength(1)
    expect(result.outputs?.rollback).toBe('not-needed')
  })

  it('a JSON field from a 503 response is an Error measurement (Argo web semantics)', async () => {
    const options = analyzeOptionsFromInputs({}, health({ 'json-path': 'successRate', 'success-condition': 'result >= 0.99', 'consecutive-error-limit': '0' }))
    const result = await runAnalyze(context(), options)
    expect(ruleIds(result)).toEqual(['RV-LIVE-002', 'RV-LIVE-006'])
    expect(result.findings[0]!.message).toContain('non 2xx response code: 503')
  })
})

describe('runAnalyze against an unreachable Prometheus', () => {
  it('ends Error after the 5th consecutive error, 10 s apart (fake clock), and is reported as an error', async () => {
    const port = await freePort()
    const options = analyzeOptionsFromInputs({}, { 'prometheus-url': `http://127.0.0.1:${port}`, query: 'up', 'success-condition': 'result[0] == 1' })
    const clock = new FakeClock()
    const result = await runAnalyzeWith(context(), options, { clock })
    expect(clock.sleeps).toEqual([10_000, 10_000, 10_000, 10_000])
    expect(ruleIds(result)).toEqual(['RV-LIVE-002', 'RV-LIVE-006'])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.message).toMatch(/consecutiveErrors \(5\) > consecutiveErrorLimit \(4\); .*ECONNREFUSED/)
  })
})

describe('findings identity', () => {
  it('fingerprints are stable across runs and point at the config file when analyze is configured there', async () => {
    const text = ['version: 1', 'rollback-verify:', '  analyze:', '    health-url: http://127.0.0.1:1/healthz', ''].join('\n')
    const config = parseConfig(text, '.github/deploy-gates.yml')
    const options = analyzeOptionsFromInputs(config.section('rollback-verify'), { 'consecutive-error-limit': '0' })
    const first = await runAnalyze(context(config), options)
    const second = await runAnalyze(context(config), options)
    expect(first.findings[0]).toMatchObject({ ruleId: 'RV-LIVE-002', path: '.github/deploy-gates.yml', line: 4 })
    expect(first.findings.map(f => f.fingerprint)).toEqual(second.findings.map(f => f.fingerprint))
    expect(new Set(first.findings.map(f => f.fingerprint)).size).toBe(first.findings.length)
  })

  it('LIVE_RULES lists RV-LIVE-001…006 with kebab-case names and no check functions', () => {
    expect(LIVE_RULES.map(r => r.id)).toEqual(['RV-LIVE-001', 'RV-LIVE-002', 'RV-LIVE-003', 'RV-LIVE-004', 'RV-LIVE-005', 'RV-LIVE-006'])
    for (const rule of LIVE_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(Object.keys(rule)).not.toContain('check')
    }
  })
})
