import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCS_PATH, renderRuleDocs } from '../../src/container-lint/docs.js'
import { allRules } from '../../src/container-lint/rules.js'

const file = resolve(import.meta.dirname, '../..', DOCS_PATH)

describe('docs/rules/container-lint.md', () => {
  if (process.env.UPDATE_RULE_DOCS) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, renderRuleDocs())
  }

  it('is up to date with the rule metadata (regenerate: UPDATE_RULE_DOCS=1 npx vitest run test/container-lint/docs.test.ts)', () => {
    expect(existsSync(file), `${DOCS_PATH} is missing`).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(renderRuleDocs())
  })

  it('has a heading anchor, a severity and a fix for every rule of both halves', () => {
    const docs = renderRuleDocs()
    const rules = allRules()
    expect(rules.filter(r => r.id.startsWith('CL-DF-')).length).toBeGreaterThan(0)
    expect(rules.filter(r => r.id.startsWith('CL-K8S-'))).toHaveLength(44)
    for (const rule of rules) {
      expect(docs).toContain(`\n### ${rule.id}\n`)
      expect(docs).toContain(`](#${rule.id.toLowerCase()})`)
      expect(rule.fix.length).toBeGreaterThan(10)
      expect(rule.rationale.length).toBeGreaterThan(10)
    }
  })

  it('rule ids are unique and names are kebab-case', () => {
    const rules = allRules()
    expect(new Set(rules.map(r => r.id)).size).toBe(rules.length)
    for (const rule of rules) expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})
