import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { DOCS_PATH, renderRuleDocs } from '../../src/oidc-guard/docs.js'
import { readOidcGuardSection } from '../../src/oidc-guard/index.js'
import { OIDC_GUARD_RULES } from '../../src/oidc-guard/rules.js'

const ROOT = join(import.meta.dirname, '../..')

describe('docs/rules/oidc-guard.md', () => {
  it('is generated from the rule metadata (regenerate with UPDATE_RULE_DOCS=1)', () => {
    const expected = renderRuleDocs()
    const file = join(ROOT, DOCS_PATH)
    if (process.env.UPDATE_RULE_DOCS) writeFileSync(file, expected)
    expect(existsSync(file), `${DOCS_PATH} is missing`).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(expected)
  })

  it('documents every workflow, trust-policy and token rule under the anchor its helpUri uses', () => {
    const docs = renderRuleDocs()
    const ids = OIDC_GUARD_RULES.map(r => r.id)
    expect(ids.filter(id => id.startsWith('OG-WF'))).toHaveLength(21)
    expect(ids.some(id => id.startsWith('OG-TP'))).toBe(true)
    expect(ids.some(id => id.startsWith('OG-RT'))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(docs).toContain(`<a id="${id.toLowerCase()}"></a>`)
    for (const rule of OIDC_GUARD_RULES) expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})

describe('the documented config example', () => {
  it('is a valid oidc-guard section', () => {
    const yaml = /```yaml\n(oidc-guard:[\s\S]*?)```/.exec(renderRuleDocs())![1]!
    const section = readOidcGuardSection(parseConfig(yaml, 'example.yml'))
    expect(section.ignore?.[0]?.reason).toBe('in-house action, tag protected')
    expect(section['min-auth-level']).toBe('stored-secret')
  })
})
