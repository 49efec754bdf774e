import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpHealthProvider, parseJsonPath, selectJsonPath } from '../../../src/rollback-verify/analyze/providers/http.js'
import { parsePrometheusResponse, PrometheusProvider } from '../../../src/rollback-verify/analyze/providers/prometheus.js'
import { redactUrl } from '../../../src/rollback-verify/analyze/providers/provider.js'
import { freePort } from '../../support/prometheus.js'
import { startMetricsService, type MetricsService } from '../../support/metrics-service.js'

describe('Prometheus response shapes (as documented for /api/v1/query)', () => {
  it('scalar → number, vector → array, matrix → flattened array', () => {
    expect(parsePrometheusResponse(200, { status: 'success', data: { resultType: 'scalar', result: [1700000000.1, '0.5'] } })).toBe(0.5)
    expect(
      parsePrometheusResponse(200, {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1, '1'] }, { metric: {}, value: [1, '0.25'] }] }
      })
    ).toEqual([1, 0.25])
    expect(
      parsePrometheusResponse(200, {
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], [2, '2']] }, { metric: {}, values: [[1, '3']] }] }
      })
    ).toEqual([1, 2, 3])
  })

  it('keeps NaN and ±Inf', () => {
    const result = parsePrometheusResponse(200, {
      status: 'success',
      data: { resultType: 'vector', result: [{ value: [1, 'NaN'] }, { value: [1, '+Inf'] }, { value: [1, '-Inf'] }, { value: [1, '1e+06'] }] }
    })
    expect(result).toEqual([NaN, Infinity, -Infinity, 1e6])
  })

  it('errors on string results, error status, malformed samples and native histograms', () => {
    expect(() => parsePrometheusResponse(200, { status: 'success', data: { resultType: 'string', result: [1, 'x'] } })).toThrow(/not supported: string/)
    expect(() => parsePrometheusResponse(400, { status: 'error', errorType: 'bad_data', error: 'parse error' })).toThrow(/HTTP 400\): bad_data: parse error/)
    expect(() => parsePrometheusResponse(200, { status: 'success', data: { resultType: 'vector', result: [{ value: [1, 'abc'] }] } })).toThrow(/not a number/)
    expect(() => parsePrometheusResponse(200, { status: 'success', data: { resultType: 'vector', result: [{ histogram: [1, {}] }] } })).toThrow(/histograms/)
    expect(() => parsePrometheusResponse(200, [])).toThrow(/unexpected body/)
  })

  it('an unreachable Prometheus is a clear error naming the address', async () => {
    const port = await freePort()
    await expect(new PrometheusProvider(`http://127.0.0.1:${port}`, 'up', 2000).measure()).rejects.toThrow(/request to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query\?… failed: ECONNREFUSED/)
  })
})

describe('HTTP health provider against a real local service', () => {
  let service: MetricsService
  let hanging: Server
  let hangingUrl: string
  let huge: Server
  let hugeUrl: string

  beforeAll(async () => {
    service = await startMetricsService({ healthy: true })
    hanging = createServer(() => {
      /* never answers */
    })
    await new Promise<void>(resolve => hanging.listen(0, '127.0.0.1', resolve))
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`
    // streams 5 MiB without a content-length header
    huge = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = ' '.repeat(64 * 1024)
      for (let i = 0; i < 80; i++) res.write(chunk)
      res.end('1')
    })
    await new Promise<void>(resolve => huge.listen(0, '127.0.0.1', resolve))
    hugeUrl = `http://127.0.0.1:${(huge.address() as AddressInfo).port}/`
  })

  afterAll(async () => {
    await service.close()
    hanging.closeAllConnections()
    huge.closeAllConnections()
    await new Promise(resolve => hanging.close(resolve))
    await new Promise(resolve => huge.close(resolve))
  })

  it('returns the status code without a JSON path (503 is a value, not an error)', async () => {
    const provider = new HttpHealthProvider(`${service.url}/healthz`)
    expect(await provider.measure()).toBe(200)
    service.setHealthy(false)
    expect(await provider.measure()).toBe(503)
    service.setHealthy(true)
  })

  it('returns a JSON field, and errors on non-2xx like Argo web', async () => {
    const provider = new HttpHealthProvider(`${service.url}/healthz`, '$.successRate')
    expect(await provider.measure()).toBe(1)
    expect(await new HttpHealthProvider(`${service.url}/healthz`, 'missing.field').measure()).toBeNull()
    service.setHealthy(false)
    await expect(provider.measure()).rejects.toThrow(/non 2xx response code: 503/)
    service.setHealthy(true)
  })

  it('times out a request that never answers', async () => {
    await expect(new HttpHealthProvider(hangingUrl, undefined, 300).measure()).rejects.toThrow(/timed out after 300 ms/)
  })

  it('refuses a body over the size cap instead of buffering it', async () => {
    await expect(new HttpHealthProvider(hugeUrl, 'x', 5000).measure()).rejects.toThrow(/larger than 4194304 bytes/)
  })

  it('redacts credentials and query strings from descriptions', () => {
    expect(new HttpHealthProvider('https://user:secret@app.example/health?token=abc').description).toBe('HTTP https://app.example/health?… status code')
    expect(redactUrl('http://u:p@prom:9090')).toBe('http://prom:9090/')
  })
})

describe('JSON path', () => {
  it('parses dotted, indexed and quoted paths', () => {
    expect(parseJsonPath('{$.data.checks[1].ok}')).toEqual(['data', 'checks', 1, 'ok'])
    expect(parseJsonPath("$['odd key'].x")).toEqual(['odd key', 'x'])
    expect(selectJsonPath({ a: [{ b: 2 }] }, ['a', 0, 'b'])).toBe(2)
    expect(selectJsonPath({ a: 1 }, ['toString'])).toBeNull()
    expect(() => parseJsonPath('a.constructor')).toThrow(/forbidden/)
    expect(() => parseJsonPath('$')).toThrow(/selects nothing/)
  })
})
