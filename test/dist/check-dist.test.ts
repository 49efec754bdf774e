import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

// The committed bundles are what GitHub runs: they must match the sources,
// hold no webpackMissingModule stub, and start without node_modules.
describe('dist/', () => {
  it('is up to date and every bundle starts', () => {
    const run = spawnSync(process.execPath, ['scripts/check-dist.mjs'], { encoding: 'utf8', timeout: 15 * 60_000 })
    expect(`${run.stdout}${run.stderr}`).toContain('check-dist: dist/ is up to date')
    expect(run.status).toBe(0)
  }, 16 * 60_000)
})
