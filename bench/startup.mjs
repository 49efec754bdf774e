#!/usr/bin/env node
// Start time of every bundle in dist/ (run with --version / no inputs) against a bare `node -e 0`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUNS = Number(process.env.RUNS ?? 9)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function time(args, env = {}) {
  const samples = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' })
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(samples)
}

const tmp = mkdtempSync(join(tmpdir(), 'dg-startup-'))
const base = time(['-e', '0'])
console.log(`node -e 0: ${base.toFixed(1)} ms (median of ${RUNS})`)
console.log('bundle            size KiB   start ms   ratio')
for (const name of ['cli', 'gates', 'container-lint', 'oidc-guard', 'rollback-verify']) {
  const file = join('dist', name, 'index.js')
  if (!existsSync(file)) continue
  const out = join(tmp, `${name}.out`)
  writeFileSync(out, '')
  // Actions get an empty workspace: they start, find nothing, and report an error verdict.
  const env = { GITHUB_OUTPUT: out, GITHUB_WORKSPACE: tmp, RUNNER_TEMP: tmp, INPUT_MODE: name === 'oidc-guard' ? 'audit' : 'check' }
  const ms = time(name === 'cli' ? [file, '--version'] : [file], env)
  const kib = statSync(file).size / 1024
  console.log(`${name.padEnd(17)} ${kib.toFixed(0).padStart(8)} ${ms.toFixed(1).padStart(10)} ${(ms / base).toFixed(2).padStart(7)}x`)
}
