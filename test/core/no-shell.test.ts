import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '../../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

// Every command goes through argv (execFile/spawn without a shell, or
// @actions/exec): a shell string built from inputs is an injection.
describe('no shell', () => {
  const files = sources(SRC).map(path => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it.each([
    ['child_process exec/execSync', /import\s*\{[^}]*\b(?:exec|execSync)\b[^}]*\}\s*from\s*['"](?:node:)?child_process['"]|child_process['"]?\)?\.exec(?:Sync)?\b/],
    ['shell: true', /shell\s*:\s*true/],
    ['eval / new Function', /\beval\s*\(|new\s+Function\s*\(/]
  ])('no %s in src/', (_name, pattern) => {
    const offenders = files.filter(f => pattern.test(f.text.replace(/\/\/.*$/gm, ''))).map(f => f.path)
    expect(offenders).toEqual([])
  })
})
