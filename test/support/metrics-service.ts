import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Counter, Gauge, Registry } from 'prom-client'

/**
 * A tiny "deployed service" for live-analysis tests. It serves synthetic traffic counters and a
 * success-rate gauge at /metrics (prom-client), a health endpoint at /healthz, and flips back to
 * healthy when something POSTs /rollback — which a real rollback command (a child process) does.
 */
export interface MetricsService {
  url: string
  /** host:port, for a Prometheus scrape target. */
  target: string
  setHealthy(healthy: boolean): void
  readonly healthy: boolean
  readonly rollbacks: number
  close(): Promise<void>
}

export async function startMetricsService(options: { healthy: boolean; brokenSuccessRate?: number }): Promise<MetricsService> {
  const registry = new Registry()
  const requests = new Counter({ name: 'demo_http_requests_total', help: 'Synthetic requests served', labelNames: ['code'], registers: [registry] })
  const successRate = new Gauge({ name: 'demo_success_rate', help: 'Share of requests answered without a 5xx', registers: [registry] })
  let healthy = options.healthy
  let rollbacks = 0
  const brokenRate = options.brokenSuccessRate ?? 0.5
  const update = (): void => successRate.set(healthy ? 1 : brokenRate)
  update()
  // Synthetic traffic so the counters move like a real service's.
  const traffic = setInterval(() => {
    requests.inc({ code: '200' }, healthy ? 10 : 5)
    if (!healthy) requests.inc({ code: '500' }, 5)
  }, 100)
  traffic.unref()

  const server: Server = createServer((req, res) => {
    if (req.url === '/metrics') {
      registry
        .metrics()
        .then(body => {
          res.writeHead(200, { 'content-type': registry.contentType })
          res.end(body)
        })
        .catch(() => {
          res.writeHead(500)
          res.end()
        })
      return
    }
    if (req.url === '/healthz') {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', successRate: healthy ? 1 : brokenRate }))
      return
    }
    if (req.url === '/rollback' && req.method === 'POST') {
      healthy = true
      rollbacks++
      update()
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('rolled back\n')
      return
    }
    res.writeHead(404)
    res.end()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    setHealthy(value) {
      healthy = value
      update()
    },
    get healthy() {
      return healthy
    },
    get rollbacks() {
      return rollbacks
    },
    close: () =>
      new Promise<void>(resolve => {
        clearInterval(traffic)
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
