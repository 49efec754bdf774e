#!/usr/bin/env node
// Builds every action and the CLI with ncc: one invocation per entry, ESM output.
// Usage: node scripts/bundle.mjs [--out DIR] [name…]
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

export const ENTRIES = {
  gates: 'src/actions/gates.ts',
  'container-lint': 'src/actions/container-lint.ts',
  'oidc-guard': 'src/actions/oidc-guard.ts',
  'rollback-verify': 'src/actions/rollback-verify.ts',
  cli: 'src/cli/index.ts'
}

const require = createRequire(import.meta.url)
const nccCli = require.resolve('@vercel/ncc/dist/ncc/cli.js')

export function bundle(outRoot, names = Object.keys(ENTRIES)) {
  for (const name of names) {
    const entry = ENTRIES[name]
    if (!entry) throw new Error(`unknown bundle ${name}`)
    const out = join(outRoot, name)
    rmSync(out, { recursive: true, force: true })
    const result = spawnSync(
      process.execPath,
      [nccCli, 'build', entry, '-o', out, '--source-map', '--no-source-map-register', '--license', 'licenses.txt', '--target', 'es2022', '-q'],
      { stdio: ['ignore', 'inherit', 'inherit'] }
    )
    if (result.status !== 0) throw new Error(`ncc failed for ${name} (exit ${result.status})`)
    if (name === 'cli') writeFileSync(join(out, 'package.json'), '{"type":"module"}\n')
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const outIndex = args.indexOf('--out')
  const outRoot = resolve(outIndex >= 0 ? args.splice(outIndex, 2)[1] : 'dist')
  bundle(outRoot, args.length ? args : undefined)
}
