import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Schema } from 'ajv'
import { describe, expect, it } from 'vitest'
import { renderConfigReference, updateConfigDoc } from '../../scripts/config-docs.js'
import { CONTAINER_LINT_SCHEMA } from '../../src/container-lint/config.js'
import { CONFIG_SCHEMA, parseConfig } from '../../src/core/config.js'
import { SECTION_SCHEMA as GATES_SCHEMA } from '../../src/gates/index.js'
import { OIDC_GUARD_SECTION_SCHEMA } from '../../src/oidc-guard/index.js'
import { ROLLBACK_VERIFY_SCHEMA } from '../../src/rollback-verify/config.js'

const PAGE = join(import.meta.dirname, '../../docs/configuration.md')

const core = CONFIG_SCHEMA as unknown as { properties: Record<string, unknown> }
const SECTIONS = [
  { title: 'Top level, policy and suppressions', prefix: '', schema: { properties: { version: core.properties.version, policy: core.properties.policy, suppressions: core.properties.suppressions } } as Schema },
  { title: 'gates', prefix: 'gates.', schema: GATES_SCHEMA as Schema },
  { title: 'container-lint', prefix: 'container-lint.', schema: CONTAINER_LINT_SCHEMA as Schema },
  { title: 'oidc-guard', prefix: 'oidc-guard.', schema: OIDC_GUARD_SECTION_SCHEMA as unknown as Schema },
  { title: 'rollback-verify', prefix: 'rollback-verify.', schema: ROLLBACK_VERIFY_SCHEMA }
]

// Regenerate with: UPDATE_DOCS=1 npx vitest run test/docs
describe('docs/configuration.md', () => {
  it('lists every key of every section schema', () => {
    const current = readFileSync(PAGE, 'utf8')
    const expected = updateConfigDoc(current, renderConfigReference(SECTIONS))
    if (process.env.UPDATE_DOCS) writeFileSync(PAGE, expected)
    expect(current).toBe(expected)
  })

  it('its example is a valid config file', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readFileSync(PAGE, 'utf8'))![1]!
    expect(() => parseConfig(example, 'docs/configuration.md')).not.toThrow()
  })
})
