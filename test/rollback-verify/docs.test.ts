import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCS_PATH, renderRuleDocs } from '../../src/rollback-verify/docs.js'
import { loadRollbackVerifyConfig } from '../../src/rollback-verify/config.js'
import { allRules, ruleFamilies } from '../../src/rollback-verify/rules.js'
import { fixtureContext } from './helpers.js'

const file = resolve(import.meta.dirname, '../..', DOCS_PATH)

describe('docs/rules/rollback-verify.md', () => {
  if (process.env.UPDATE_RULE_DOCS) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, renderRuleDocs())
  }

  it('is up to date with the rule metadata (regenerate: UPDATE_RULE_DOCS=1 npx vitest run test/rollback-verify/docs.test.ts)', () => {
    expect(existsSync(file), `${DOCS_PATH} is missing`).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(renderRuleDocs())
  })

  it('documents every family of the catalogue, with an anchor, severity and fix per rule', () => {
    const docs = renderRuleDocs()
    const counts = Object.fromEntries(ruleFamilies().map(f => [f.prefix, f.rules.length]))
    expect(counts['RV-K8S']).toBe(9)
    expect(counts['RV-AN']).toBe(7)
    expect(counts['RV-ECS']).toBe(6)
    expect(counts['RV-MIG']).toBe(13)
    expect(counts['RV-SQL']).toBe(23)
    expect(counts['RV-DRILL']).toBeGreaterThan(0)
    expect(counts['RV-LIVE']).toBeGreaterThan(0)
    for (const rule of allRules()) {
      expect(docs).toContain(`<a id="${rule.id.toLowerCase()}"></a>\n### ${rule.id}\n`)
      expect(docs).toContain(`](#${rule.id.toLowerCase()})`)
      expect(rule.fix.length).toBeGreaterThan(10)
      expect(rule.rationale.length).toBeGreaterThan(10)
    }
  })

  it('the configuration example is a valid rollback-verify section', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(renderRuleDocs())?.[1] ?? ''
    expect(block).toContain('rollback-verify:')
    const ctx = fixtureContext(undefined, block)
    const config = loadRollbackVerifyConfig(ctx)
    expect(config['check-down']).toBe(true)
    expect(config.drill?.seed).toBe(true)
  })

  it('rule ids are unique, well-formed and in family order; names are kebab-case', () => {
    const rules = allRules()
    expect(new Set(rules.map(r => r.id)).size).toBe(rules.length)
    for (const family of ruleFamilies()) {
      const ids = family.rules.map(r => r.id)
      expect(ids.every(id => id.startsWith(`${family.prefix}-`) && /-\d{3}$/.test(id))).toBe(true)
      expect([...ids].sort()).toEqual(ids)
    }
    for (const rule of rules) expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})
