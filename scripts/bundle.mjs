#!/usr/bin/env node
// Builds every action and the CLI with ncc: one invocation per entry, ESM output.
// Usage: node scripts/bundle.mjs [--out DIR] [name…]
import { spawnSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

// WASM that CommonJS dependencies locate through `__dirname` at run time and
// that ncc does not relocate. src/runtime/esm-dirname.ts makes `__dirname` the
// bundle's folder; these files are put where each library then looks:
// libpg-query reads `${__dirname}/libpg-query.wasm`, @cdktf/hcl2json reads
// `${__dirname}/../main.wasm.gz` (so one shared copy in dist/).
const RUNTIME_ASSETS = [
  { marker: 'libpg-query.wasm', from: 'libpg-query/wasm/libpg-query.wasm', to: name => join(name, 'libpg-query.wasm') },
  { marker: 'main.wasm.gz', from: '@cdktf/hcl2json/main.wasm.gz', to: () => 'main.wasm.gz' }
]

function copyRuntimeAssets(outRoot, name) {
  const out = join(outRoot, name)
  const code = readdirSync(out)
    .filter(f => f.endsWith('.js'))
    .map(f => readFileSync(join(out, f), 'utf8'))
    .join('\n')
  for (const asset of RUNTIME_ASSETS) {
    if (code.includes(asset.marker)) copyFileSync(require.resolve(asset.from), join(outRoot, asset.to(name)))
  }
}

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
    copyRuntimeAssets(outRoot, name)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const outIndex = args.indexOf('--out')
  const outRoot = resolve(outIndex >= 0 ? args.splice(outIndex, 2)[1] : 'dist')
  bundle(outRoot, args.length ? args : undefined)
}
