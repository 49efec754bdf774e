import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { ConfigError } from '../../src/core/errors.js'

const FILE = '.github/deploy-gates.yml'

function configError(text: string): ConfigError {
  try {
    parseConfig(text, FILE)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('config file', () => {
  it('reads policy, per-source overrides and suppressions with their lines', () => {
    const config = parseConfig(
      [
        'policy:',
        '  fail-on: medium',
        '  budgets: { high: 3 }',
        '  sources:',
        '    gitleaks: { fail-on: info }',
        'suppressions:',
        '  - rule: CVE-2023-1234',
        '    reason: not reachable from our code',
        '    expires: 2027-03-01'
      ].join('\n'),
      FILE
    )
    expect(config.policy()).toMatchObject({ failOn: 'medium', budgets: { high: 3 }, sources: { gitleaks: { failOn: 'info' } } })
    expect(config.suppressions()).toEqual([
      { rule: 'CVE-2023-1234', reason: 'not reachable from our code', expires: '2027-03-01', file: FILE, line: 7 }
    ])
  })

  it('names file, line and key for an unknown key', () => {
    const error = configError('policy:\n  fail-on: high\n  fial-on: low\n')
    expect(error.message).toBe(`${FILE}:2: policy: unknown key "fial-on"`)
  })

  it('rejects a misspelt severity with the allowed values', () => {
    const error = configError('policy:\n  fail-on: hihg\n')
    expect(error.message).toMatch(/:2: policy\.fail-on: must be one of critical, high/)
  })

  it('requires a reason for every suppression and a real date', () => {
    expect(configError('suppressions:\n  - rule: X\n').message).toMatch(/reason/)
    expect(configError('suppressions:\n  - rule: X\n    reason: because\n    expires: soon\n').message).toMatch(/:4: suppressions\.0\.expires/)
  })

  it('reports invalid YAML with its line', () => {
    expect(configError('policy:\n  fail-on: [high\n').message).toMatch(/^\.github\/deploy-gates\.yml:\d+: invalid YAML/)
  })

  it('refuses a top-level list and an alias bomb', () => {
    expect(configError('- a\n- b\n').message).toMatch(/mapping/)
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')
    expect(() => parseConfig(bomb, FILE)).toThrow()
  })

  it('keeps __proto__ keys inert', () => {
    expect(() => parseConfig('__proto__:\n  polluted: true\n', FILE)).toThrow(ConfigError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
