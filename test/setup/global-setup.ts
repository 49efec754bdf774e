import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, '../../.tmp/test-output')

/** Token material that must never appear in anything the actions or the CLI print. */
export const TOKEN_PATTERNS: Array<[string, RegExp]> = [
  ['JSON Web Token', /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['GitHub token', /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}/],
  ['private key', /-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/],
  ['runner request token', /ACTIONS_ID_TOKEN_REQUEST_TOKEN=\S{8,}/]
]

/** Lines the runner itself consumes to mask a value are the masking, not a leak. */
export function findLeaks(text: string): string[] {
  const leaks: string[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('::add-mask::')) continue
    for (const [name, pattern] of TOKEN_PATTERNS) {
      if (pattern.test(line)) leaks.push(`${name}: ${line.slice(0, 120).replace(/[A-Za-z0-9_-]{12,}/g, m => `${m.slice(0, 6)}…`)}`)
    }
  }
  return leaks
}

export function setup(): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
}

export function teardown(): void {
  if (!existsSync(dir)) return
  const files = readdirSync(dir)
  const leaks = files.flatMap(f => findLeaks(readFileSync(join(dir, f), 'utf8')))
  const bytes = files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0)
  process.stdout.write(`token-leak scan: ${files.length} worker output file(s), ${bytes} bytes scanned, ${leaks.length} leak(s)\n`)
  if (leaks.length) throw new Error(`token material in test output:\n${leaks.slice(0, 20).join('\n')}`)
}
