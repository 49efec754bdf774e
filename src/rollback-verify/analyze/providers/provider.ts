/** A source of measurement values (`result` in conditions). Throwing = an Error measurement. */
export interface MetricProvider {
  /** Human-readable target for reports (credentials and query strings removed). */
  readonly description: string
  measure(): Promise<unknown>
}

/** Default per-request timeout, as Argo's Prometheus provider. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
/** Bodies larger than this are refused rather than buffered. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

export class ProviderError extends Error {
  override name = 'ProviderError'
}

/** Removes userinfo and query string so tokens in URLs never reach reports. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw)
    url.username = ''
    url.password = ''
    const hadQuery = url.search !== ''
    url.search = ''
    url.hash = ''
    return `${url.toString()}${hadQuery ? '?…' : ''}`
  } catch {
    return '(invalid URL)'
  }
}

/** GET with a hard timeout and a size cap; network failures become ProviderError with a reason. */
export async function fetchText(url: string, timeoutMs: number, accept: string): Promise<{ status: number; body: string }> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  } catch (error) {
    throw new ProviderError(`request to ${redactUrl(url)} failed: ${describeFetchError(error, timeoutMs)}`)
  }
  try {
    const length = Number(response.headers.get('content-length') ?? '0')
    if (length > MAX_BODY_BYTES) throw new ProviderError(`response from ${redactUrl(url)} is larger than ${MAX_BODY_BYTES} bytes`)
    const body = await readCapped(response, () => new ProviderError(`response from ${redactUrl(url)} is larger than ${MAX_BODY_BYTES} bytes`))
    return { status: response.status, body }
  } catch (error) {
    if (error instanceof ProviderError) throw error
    throw new ProviderError(`reading the response of ${redactUrl(url)} failed: ${describeFetchError(error, timeoutMs)}`)
  }
}

/** Streams the body and stops at the cap, so a runaway endpoint cannot exhaust memory. */
async function readCapped(response: Response, tooLarge: () => Error): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timed out after ${timeoutMs} ms`
    const cause = (error as Error & { cause?: unknown }).cause
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: string }).code
      return code ? `${code} (${cause.message})` : cause.message
    }
    return error.message
  }
  return String(error)
}
