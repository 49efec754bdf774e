import { describe, expect, it } from 'vitest'
import { fingerprintOf } from '../../../src/core/finding.js'
import { FingerprintSet, fastFingerprint, labelledValue } from '../../../src/gates/parsers/fields.js'

describe('fingerprints', () => {
  it('fastFingerprint gives exactly fingerprintOf(...parts)', () => {
    const samples: Array<Array<string | number | undefined>> = [
      ['vulnerability', 'CVE-2024-1', 'openssl', '3.0.1', 'img (debian 12)'],
      ['secret', 'rule', undefined, ''],
      [42, 'é✓', 'line\nbreak'],
      ['']
    ]
    for (const parts of samples) expect(fastFingerprint(parts)).toBe(fingerprintOf(...parts))
  })

  it('FingerprintSet numbers repeats and stays deterministic', () => {
    const a = new FingerprintSet()
    const first = a.of('x', 'y')
    const second = a.of('x', 'y')
    expect(first).toBe(fingerprintOf('x', 'y'))
    expect(second).not.toBe(first)
    const b = new FingerprintSet()
    expect([b.of('x', 'y'), b.of('x', 'y')]).toEqual([first, second])
    expect([b.same('x', 'y'), b.same('x', 'y')]).toEqual([first, first])
  })
})

describe('labelledValue', () => {
  it('reads "Label: value" lines', () => {
    const text = 'Package: libssl3\nInstalled Version: 3.1\nFixed Version: \nLink: x'
    expect(labelledValue(text, 'Package')).toBe('libssl3')
    expect(labelledValue(text, 'Installed Version')).toBe('3.1')
    expect(labelledValue(text, 'Fixed Version')).toBe('')
    expect(labelledValue(text, 'Version')).toBeUndefined()
    expect(labelledValue('Fix Version:', 'Fix Version')).toBe('')
  })
})
