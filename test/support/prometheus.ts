import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's package installs it here; CI installs the same package. */
export const PROMETHEUS_BINARY = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus'

export function prometheusAvailable(): boolean {
  return existsSync(PROMETHEUS_BINARY)
}

export interface PrometheusServer {
  url: string
  stop(): Promise<void>
  /** Polls an instant query until `accept` holds for its first sample value (or throws after timeoutMs). */
  waitFor(query: string, accept: (value: number | undefined) => boolean, timeoutMs?: number): Promise<void>
}

/**
 * Starts a real Prometheus on 127.0.0.1 with a free port, a temp config scraping `targets` every
 * second, and a temp TSDB directory that stop() removes.
 */
export async function startPrometheus(targets: string[], job = 'svc'): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-prometheus-'))
  const port = await freePort()
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 900ms',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    `  - job_name: ${job}`,
    '    static_configs:',
    `      - targets: [${targets.map(t => JSON.stringify(t)).join(', ')}]`,
    ''
  ].join('\n')
  await writeFile(join(dir, 'prometheus.yml'), config)
  const child = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // A short lookback so a stopped target's series disappear quickly.
      '--query.lookback-delta=5s',
      '--log.level=warn'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], shell: false }
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const url = `http://127.0.0.1:${port}`
  const stop = async (): Promise<void> => {
    await terminate(child)
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await until(async () => (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok, 20_000, () => `Prometheus did not become ready: ${stderr}`)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    stop,
    waitFor: (query, accept, timeoutMs = 15_000) =>
      until(
        async () => {
          const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(2000) })
          const body = (await response.json()) as { data?: { result?: Array<{ value?: [number, string] }> } }
          const raw = body.data?.result?.[0]?.value?.[1]
          return accept(raw === undefined ? undefined : Number(raw))
        },
        timeoutMs,
        () => `Prometheus query "${query}" did not reach the expected value`
      )
  }
}

async function until(probe: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if (await probe()) return
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(message())
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** A port the OS just handed out; closed again so Prometheus can bind it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
