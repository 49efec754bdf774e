import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeOptionsFromInputs } from '../../../src/rollback-verify/analyze/options.js'
import { runAnalyze } from '../../../src/rollback-verify/analyze/run.js'
import { startMetricsService, type MetricsService } from '../../support/metrics-service.js'
import { PROMETHEUS_BINARY, prometheusAvailable, startPrometheus, type PrometheusServer } from '../../support/prometheus.js'
import { context, nodeScript } from './support.js'

const available = prometheusAvailable()
const inCi = process.env.CI === 'true'
if (!available && !inCi) console.warn(`SKIPPED live Prometheus tests: ${PROMETHEUS_BINARY} not found (apt-get install prometheus)`)

describe.skipIf(!available && !inCi)('analyze against a real Prometheus', () => {
  let service: MetricsService
  let prometheus: PrometheusServer
  const rate = 'demo_success_rate{job="svc"}'

  beforeAll(async () => {
    if (!available) throw new Error(`CI=true but ${PROMETHEUS_BINARY} is missing: CI must install prometheus`)
    service = await startMetricsService({ healthy: true })
    prometheus = await startPrometheus([service.target])
    await prometheus.waitFor(rate, value => value === 1)
  })

  afterAll(async () => {
    await prometheus?.stop()
    await service?.close()
  })

  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    'prometheus-url': prometheus.url,
    query: rate,
    'success-condition': 'len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.99',
    ...extra
  })

  it('passes a healthy deploy without touching the rollback', async () => {
    const options = analyzeOptionsFromInputs({}, inputs({ count: '3', interval: '1s', 'rollback-command': nodeScript('rollback.mjs', service.url) }))
    const result = await runAnalyze(context(), options)
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
    expect(result.outputs).toEqual({ 'analysis-phase': 'Successful', rollback: 'not-needed' })
    expect(service.rollbacks).toBe(0)
    expect(result.sections?.[0]?.markdown).toMatch(/\| 3 \| \+\d+\.\ds \| Successful \| \[1\] \|/)
  })

  it('fails a broken deploy, runs the real rollback command, then verifies with a command and a fresh analysis', async () => {
    service.setHealthy(false)
    await prometheus.waitFor(rate, value => value === 0.5)
    const options = analyzeOptionsFromInputs(
      {},
      inputs({
        count: '3',
        interval: '1s',
        // gives Prometheus time to scrape the rolled-back service before the fresh analysis
        'initial-delay': '2s',
        'rollback-command': nodeScript('rollback.mjs', service.url),
        'verify-command': nodeScript('verify.mjs', service.url)
      })
    )
    const result = await runAnalyze(context(), options)
    expect(service.rollbacks).toBe(1)
    expect(service.healthy).toBe(true)
    expect(result.errors).toEqual([])
    expect(result.findings.map(f => f.ruleId)).toEqual(['RV-LIVE-001'])
    const finding = result.findings[0]!
    expect(finding.severity).toBe('high')
    expect(finding.message).toContain('failed (1) > failureLimit (0)')
    expect(finding.message).toContain('last value [0.5]')
    expect(finding.message).toContain('was verified')
    expect(finding.properties?.rollbackVerified).toBe(true)
    expect(result.outputs).toEqual({ 'analysis-phase': 'Failed', rollback: 'verified' })
    const markdown = result.sections?.[0]?.markdown ?? ''
    expect(markdown).toContain('rollback.mjs')
    expect(markdown).toMatch(/verify: .*verify\.mjs.*passed \(exit 0\)/)
    expect(markdown).toContain('**Re-analysis after rollback: Successful**')
  })

  it('reports a rollback command that exits non-zero (RV-LIVE-004) and leaves the service broken', async () => {
    service.setHealthy(false)
    await prometheus.waitFor(rate, value => value === 0.5)
    const options = analyzeOptionsFromInputs({}, inputs({ 'rollback-command': nodeScript('fail.mjs') }))
    const result = await runAnalyze(context(), options)
    expect(result.findings.map(f => f.ruleId)).toEqual(['RV-LIVE-001', 'RV-LIVE-004'])
    expect(result.findings[1]!.message).toContain('no rollout history found')
    expect(result.outputs?.rollback).toBe('failed')
    expect(service.healthy).toBe(false)
    service.setHealthy(true)
    await prometheus.waitFor(rate, value => value === 1)
  })

  it('reads a scalar result', async () => {
    const options = analyzeOptionsFromInputs({}, inputs({ query: `scalar(${rate})`, 'success-condition': 'result >= 0.99' }))
    const result = await runAnalyze(context(), options)
    expect(result.findings).toEqual([])
    expect(result.sections?.[0]?.markdown).toMatch(/Successful \| 1 \|/)
  })

  it('flattens a range-vector (matrix) result like Argo', async () => {
    const options = analyzeOptionsFromInputs({}, inputs({ query: `${rate}[3s]`, 'success-condition': 'len(result) >= 2 && all(result, {# == 0.5 || # == 1})' }))
    const result = await runAnalyze(context(), options)
    expect(result.outputs?.['analysis-phase']).toBe('Successful')
    // several samples of one series, flattened into one list
    expect(result.sections?.[0]?.markdown).toMatch(/Successful \| \[[01.5]+, [01.5]+/)
  })

  it('turns NaN (0/0 when there is no traffic) into Failed, not a pass', async () => {
    const options = analyzeOptionsFromInputs({}, { 'prometheus-url': prometheus.url, query: 'vector(0) / vector(0)', 'success-condition': 'result[0] >= 0.99' })
    const result = await runAnalyze(context(), options)
    expect(result.outputs?.['analysis-phase']).toBe('Failed')
    expect(result.findings[0]!.message).toContain('last value [NaN]')
    expect(result.findings.map(f => f.ruleId)).toEqual(['RV-LIVE-001', 'RV-LIVE-006'])
  })

  it('makes an empty vector an Error measurement (no data), reported as RV-LIVE-002 and as an error', async () => {
    const options = analyzeOptionsFromInputs(
      {},
      { 'prometheus-url': prometheus.url, query: 'demo_metric_that_does_not_exist', 'success-condition': 'result[0] >= 0.99', 'consecutive-error-limit': '0' }
    )
    const result = await runAnalyze(context(), options)
    expect(result.outputs?.['analysis-phase']).toBe('Error')
    expect(result.findings.map(f => f.ruleId)).toEqual(['RV-LIVE-002', 'RV-LIVE-006'])
    expect(result.findings[0]!.message).toContain('no data returned from the metric provider')
    expect(result.errors).toHaveLength(1)
  })

  it('reports a query Prometheus rejects as an Error with its message', async () => {
    const options = analyzeOptionsFromInputs({}, { 'prometheus-url': prometheus.url, query: 'sum(', 'success-condition': 'true', 'consecutive-error-limit': '0' })
    const result = await runAnalyze(context(), options)
    expect(result.outputs?.['analysis-phase']).toBe('Error')
    expect(result.errors[0]!.message).toMatch(/bad_data/)
  })
})
