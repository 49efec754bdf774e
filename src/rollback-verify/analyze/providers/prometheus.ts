import { parseFloatStrict } from '../expr/builtins.js'
import { DEFAULT_REQUEST_TIMEOUT_MS, fetchText, ProviderError, redactUrl, type MetricProvider } from './provider.js'

/**
 * Prometheus instant query (`GET /api/v1/query`). Like Argo: a scalar becomes a number, a vector
 * (and a matrix, flattened over all series) becomes an array of floats, anything else is an error.
 */
export class PrometheusProvider implements MetricProvider {
  readonly description: string

  constructor(
    private readonly baseUrl: string,
    private readonly query: string,
    private readonly timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS
  ) {
    this.description = `Prometheus ${redactUrl(baseUrl)} query \`${query}\``
  }

  async measure(): Promise<number | number[]> {
    const url = new URL('api/v1/query', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`)
    url.searchParams.set('query', this.query)
    // Prometheus caps its own evaluation too, slightly under our client timeout.
    url.searchParams.set('timeout', `${Math.max(1, Math.floor(this.timeoutMs / 1000))}s`)
    const { status, body } = await fetchText(url.toString(), this.timeoutMs, 'application/json')
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      throw new ProviderError(`Prometheus answered HTTP ${status} with a body that is not JSON: ${body.slice(0, 120)}`)
    }
    return parsePrometheusResponse(status, parsed)
  }
}

export function parsePrometheusResponse(status: number, parsed: unknown): number | number[] {
  if (!isRecord(parsed)) throw new ProviderError(`Prometheus answered HTTP ${status} with an unexpected body`)
  if (parsed.status !== 'success') {
    const detail = typeof parsed.error === 'string' ? parsed.error : 'no error message'
    const kind = typeof parsed.errorType === 'string' ? `${parsed.errorType}: ` : ''
    throw new ProviderError(`Prometheus query failed (HTTP ${status}): ${kind}${detail}`)
  }
  const data = parsed.data
  if (!isRecord(data)) throw new ProviderError('Prometheus response has no data')
  const result = data.result
  switch (data.resultType) {
    case 'scalar':
      return sampleValue(result)
    case 'vector':
      if (!Array.isArray(result)) throw new ProviderError('Prometheus vector result is not a list')
      return result.map(series => sampleValue(isRecord(series) ? series.value : undefined))
    case 'matrix':
      if (!Array.isArray(result)) throw new ProviderError('Prometheus matrix result is not a list')
      return result.flatMap(series => {
        const values = isRecord(series) ? series.values : undefined
        if (!Array.isArray(values)) throw new ProviderError('Prometheus matrix series has no values')
        return values.map(sampleValue)
      })
    default:
      throw new ProviderError(`Prometheus metric type not supported: ${String(data.resultType)}`)
  }
}

/** A sample is `[unixSeconds, "value"]`; values are strings so NaN and ±Inf survive JSON. */
function sampleValue(sample: unknown): number {
  if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[1] !== 'string') {
    throw new ProviderError('Prometheus sample is not [timestamp, "value"] (native histograms are not supported)')
  }
  const value = parseFloatStrict(sample[1])
  if (value === undefined) throw new ProviderError(`Prometheus sample value is not a number: ${sample[1]}`)
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
