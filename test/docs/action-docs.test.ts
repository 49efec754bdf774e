import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { updateDoc } from '../../scripts/action-docs.js'

const ROOT = join(import.meta.dirname, '../..')
const pages: Array<[string, string]> = [
  ['deploy-gates', 'action.yml'],
  ...readdirSync(join(ROOT, 'actions')).map((name): [string, string] => [name, `actions/${name}/action.yml`])
]

// Regenerate with: UPDATE_DOCS=1 npx vitest run test/docs
describe('docs/actions/*.md', () => {
  it.each(pages)('docs/actions/%s.md matches its action.yml', (name, yml) => {
    const page = join(ROOT, 'docs/actions', `${name}.md`)
    const current = existsSync(page) ? readFileSync(page, 'utf8') : `# ${name}\n`
    const expected = updateDoc(current, join(ROOT, yml))
    if (process.env.UPDATE_DOCS) writeFileSync(page, expected)
    expect(current).toBe(expected)
  })
})
