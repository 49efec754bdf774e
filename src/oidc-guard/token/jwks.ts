import { importJWK, type CryptoKey, type JWK } from 'jose'

export const DEFAULT_FETCH_TIMEOUT_MS = 5_000
const MAX_BODY_BYTES = 1024 * 1024

/** A discovery or JWKS problem: the gate fails closed on it (OG-RT-002). */
export class KeySourceError extends Error {
  override name = 'KeySourceError'
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
}

/** Key material must come over TLS; plain http is accepted for loopback only (tests, local proxies). */
export function checkKeyUrl(raw: string, what: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new KeySourceError(`${what} "${raw}" is not a URL`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new KeySourceError(`${what} ${url.href} must use https`)
  }
  return url
}

async function fetchJson(url: URL, what: string, timeoutMs: number): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' }
    })
    // Redirects are followed, but key material must still arrive over TLS (or loopback).
    if (response.redirected) checkKeyUrl(response.url, `${what} redirect target`)
  } catch (error) {
    if (error instanceof KeySourceError) throw error
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message
    throw new KeySourceError(`${what} ${url.href} unreachable: ${reason}`)
  }
  if (!response.ok) throw new KeySourceError(`${what} ${url.href} answered HTTP ${response.status}`)
  const text = await response.text().catch(error => {
    throw new KeySourceError(`${what} ${url.href}: body could not be read (${(error as Error).message})`)
  })
  if (text.length > MAX_BODY_BYTES) throw new KeySourceError(`${what} ${url.href}: body larger than 1 MiB`)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new KeySourceError(`${what} ${url.href}: body is not JSON`)
  }
}

export interface KeyResolverOptions {
  timeoutMs?: number
}

/**
 * Finds the issuer's signing keys through OIDC discovery and caches them by
 * `kid`. An unknown `kid` triggers one JWKS refetch (key rotation); after
 * that it is a failure, never a fallback to "any key".
 */
export class KeyResolver {
  private jwksUri?: URL
  private readonly keys = new Map<string, CryptoKey>()
  private refetched = false
  private readonly timeoutMs: number

  constructor(
    readonly issuer: string,
    options: KeyResolverOptions = {}
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS
  }

  async keyFor(kid: string): Promise<CryptoKey> {
    if (!this.jwksUri) {
      await this.discover()
      await this.loadKeys()
    }
    const cached = this.keys.get(kid)
    if (cached) return cached
    if (!this.refetched) {
      this.refetched = true
      await this.loadKeys()
      const fresh = this.keys.get(kid)
      if (fresh) return fresh
    }
    throw new KeySourceError(`no RS256 key with kid "${kid}" in the issuer JWKS (refetched once)`)
  }

  private async discover(): Promise<void> {
    const base = checkKeyUrl(this.issuer, 'issuer')
    const url = new URL(`${base.href.replace(/\/$/, '')}/.well-known/openid-configuration`)
    const doc = await fetchJson(url, 'OIDC discovery', this.timeoutMs)
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new KeySourceError(`OIDC discovery ${url.href}: not a JSON object`)
    const { issuer, jwks_uri: jwksUri } = doc as Record<string, unknown>
    // OIDC Discovery 1.0 §4.3: the document must name the issuer it was fetched for.
    if (issuer !== this.issuer) {
      throw new KeySourceError(`OIDC discovery ${url.href} names issuer ${JSON.stringify(issuer)}, expected ${this.issuer}`)
    }
    if (typeof jwksUri !== 'string') throw new KeySourceError(`OIDC discovery ${url.href} has no jwks_uri`)
    this.jwksUri = checkKeyUrl(jwksUri, 'jwks_uri')
  }

  private async loadKeys(): Promise<void> {
    const url = this.jwksUri!
    const doc = await fetchJson(url, 'JWKS', this.timeoutMs)
    const list = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).keys : undefined
    if (!Array.isArray(list)) throw new KeySourceError(`JWKS ${url.href} has no "keys" array`)
    this.keys.clear()
    for (const entry of list) {
      if (!entry || typeof entry !== 'object') continue
      const jwk = entry as JWK
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') continue
      if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue
      if (jwk.use !== undefined && jwk.use !== 'sig') continue
      try {
        const key = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, 'RS256')
        if (key instanceof Uint8Array) continue
        this.keys.set(jwk.kid, key)
      } catch {
        // A malformed key is skipped; if it was the signing key the kid lookup fails closed.
      }
    }
    if (this.keys.size === 0) throw new KeySourceError(`JWKS ${url.href} holds no usable RS256 key`)
  }
}
