import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose'
import type { CryptoKey } from 'jose'
import { KeyResolver, KeySourceError, type KeyResolverOptions } from './jwks.js'
import type { Claims } from './policy.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_CLOCK_SKEW_SECONDS = 60

export interface VerifyOptions extends KeyResolverOptions {
  audience: string
  issuer?: string
  clockSkewSeconds?: number
  /** Reuse a resolver (and its kid cache) across verifications. */
  resolver?: KeyResolver
  now?: Date
}

export type VerifyOutcome = { ok: true; claims: Claims } | { ok: false; ruleId: string; message: string }

function fail(ruleId: string, message: string): VerifyOutcome {
  return { ok: false, ruleId, message }
}

/**
 * Verifies a GitHub Actions ID token: RS256 only, key from the issuer's
 * discovery/JWKS by kid, iss, aud, exp/nbf/iat with skew. Messages never
 * contain the token itself.
 */
export async function verifyIdToken(token: string, options: VerifyOptions): Promise<VerifyOutcome> {
  const issuer = options.issuer ?? GITHUB_ISSUER
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS
  let header
  let unverified
  try {
    header = decodeProtectedHeader(token)
    unverified = decodeJwt(token)
  } catch {
    return fail('OG-RT-002', 'the ID token is not a well-formed JWS compact token')
  }
  if (header.alg !== 'RS256') return fail('OG-RT-002', `token algorithm ${JSON.stringify(header.alg ?? null)} refused; only RS256 is accepted`)
  if (typeof header.kid !== 'string' || header.kid === '') return fail('OG-RT-002', 'token header has no "kid"; GitHub always names its signing key')
  // Keys are only ever looked up at the configured issuer; a foreign iss is reported as such without fetching anything.
  if (unverified.iss !== issuer) return fail('OG-RT-003', `token issuer ${JSON.stringify(unverified.iss ?? null)} is not ${issuer}`)

  const resolver = options.resolver ?? new KeyResolver(issuer, options)
  let key: CryptoKey
  try {
    key = await resolver.keyFor(header.kid)
  } catch (error) {
    if (error instanceof KeySourceError) return fail('OG-RT-002', `cannot verify the signature (failing closed): ${error.message}`)
    throw error
  }
  const now = options.now ?? new Date()
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer,
      audience: options.audience,
      clockTolerance: skew,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub']
    })
    const iat = payload.iat!
    if (iat > now.getTime() / 1000 + skew) return fail('OG-RT-005', `token issued in the future (iat ${new Date(iat * 1000).toISOString()})`)
    return { ok: true, claims: payload as Claims }
  } catch (error) {
    return classify(error, options.audience, unverified.aud)
  }
}

function classify(error: unknown, audience: string, actualAud: unknown): VerifyOutcome {
  if (error instanceof errors.JWTExpired) return fail('OG-RT-005', `token expired (${error.message})`)
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return fail('OG-RT-004', `token audience ${JSON.stringify(actualAud ?? null)} is not "${audience}"`)
    if (error.claim === 'iss') return fail('OG-RT-003', `token issuer mismatch: ${error.message}`)
    if (error.claim === 'nbf' || error.claim === 'iat' || error.claim === 'exp') return fail('OG-RT-005', `token not valid now: ${error.message}`)
    return fail('OG-RT-002', `token claim "${error.claim}" invalid: ${error.message}`)
  }
  if (error instanceof errors.JOSEError) return fail('OG-RT-002', `signature verification failed: ${error.message}`)
  return fail('OG-RT-002', `signature verification failed: ${error instanceof Error ? error.message : String(error)}`)
}
