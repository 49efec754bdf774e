import { describe, expect, it } from 'vitest'
import { findLeaks } from './global-setup.js'

describe('token-leak scanner', () => {
  it('finds JWTs, GitHub tokens and private keys, but not the runner mask command', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJlc2lnbmF0dXJl'
    expect(findLeaks(`token ${jwt}`)).toHaveLength(1)
    expect(findLeaks(`::add-mask::${jwt}`)).toEqual([])
    expect(findLeaks(`ghp_${'a'.repeat(36)}`)).toHaveLength(1)
    expect(findLeaks('-----BEGIN RSA PRIVATE KEY-----')).toHaveLength(1)
    expect(findLeaks('verdict pass, 0 findings')).toEqual([])
  })
})
