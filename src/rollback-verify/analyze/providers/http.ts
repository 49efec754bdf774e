import { isPlainObject } from '../expr/values.js'
import { DEFAULT_REQUEST_TIMEOUT_MS, fetchText, ProviderError, redactUrl, type MetricProvider } from './provider.js'

export type JsonPathSegment = string | number

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * HTTP health check. Without a JSON path `result` is the status code (any status, so a
 * condition such as `result == 200` can fail rather than error). With a JSON path the
 * response must be 2xx JSON (as Argo's web provider) and `result` is that field, nil if absent.
 */
export class HttpHealthProvider implements MetricProvider {
  readonly description: string
  private readonly path: JsonPathSegment[] | undefined

  constructor(
    private readonly url: string,
    jsonPath?: string,
    private readonly timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS
  ) {
    this.path = jsonPath ? parseJsonPath(jsonPath) : undefined
    this.description = `HTTP ${redactUrl(url)}${jsonPath ? ` field \`${jsonPath}\`` : ' status code'}`
  }

  async measure(): Promise<unknown> {
    const { status, body } = await fetchText(this.url, this.timeoutMs, 'application/json, */*;q=0.5')
    if (!this.path) return status
    if (status < 200 || status > 299) throw new ProviderError(`received non 2xx response code: ${status}`)
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      throw new ProviderError(`response body of ${redactUrl(this.url)} is not JSON`)
    }
    return selectJsonPath(parsed, this.path)
  }
}

/** Accepts `data.rate`, `$.data.rate`, `{$.data.rate}`, `checks[0].ok`, `['odd key']`. */
export function parseJsonPath(raw: string): JsonPathSegment[] {
  let text = raw.trim()
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim()
  if (text.startsWith('$')) text = text.slice(1)
  const segments: JsonPathSegment[] = []
  const pattern = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y
  let position = 0
  while (position < text.length) {
    pattern.lastIndex = position
    const match = pattern.exec(text)
    if (!match) throw new ProviderError(`invalid JSON path "${raw}" at position ${position}`)
    const segment = match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4] ?? '')
    if (typeof segment === 'string' && FORBIDDEN.has(segment)) throw new ProviderError(`JSON path "${raw}" uses a forbidden key`)
    segments.push(segment)
    position = pattern.lastIndex
  }
  if (segments.length === 0) throw new ProviderError(`JSON path "${raw}" selects nothing`)
  return segments
}

export function selectJsonPath(value: unknown, path: JsonPathSegment[]): unknown {
  let current = value
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return null
      current = current[segment]
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return null
      current = current[segment]
    }
  }
  return current ?? null
}
