#!/usr/bin/env node
// Fails when the committed dist/ is stale, broken or does not start:
// 1. rebuilds every bundle into a temp folder and compares it with dist/;
// 2. greps for webpackMissingModule (ncc's silent CJS failure mode);
// 3. runs each bundle from a copy with no node_modules, with INPUT_* and
//    temp GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and checks it wrote a verdict.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { bundle, ENTRIES } from './bundle.mjs'

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
const problems = []

function listFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort()
}

const fresh = mkdtempSync(join(tmpdir(), 'deploy-gates-dist-'))
try {
  if (!process.argv.includes('--no-rebuild')) {
    bundle(fresh)
    const built = listFiles(fresh)
    const committed = listFiles(join(root, 'dist'))
    for (const file of new Set([...built, ...committed])) {
      const a = join(fresh, file)
      const b = join(root, 'dist', file)
      if (!existsSync(b)) problems.push(`dist/${file} is missing (run npm run bundle)`)
      else if (!existsSync(a)) problems.push(`dist/${file} is not produced by the build any more`)
      else if (!readFileSync(a).equals(readFileSync(b))) problems.push(`dist/${file} is stale (run npm run bundle)`)
    }
  }

  for (const name of Object.keys(ENTRIES)) {
    const index = join(root, 'dist', name, 'index.js')
    if (!existsSync(index)) {
      problems.push(`dist/${name}/index.js does not exist`)
      continue
    }
    if (readFileSync(index, 'utf8').includes('webpackMissingModule')) problems.push(`dist/${name}/index.js contains webpackMissingModule`)
  }

  // Start every bundle outside the repository, so no node_modules can be found.
  const sandbox = mkdtempSync(join(tmpdir(), 'deploy-gates-start-'))
  try {
    cpSync(join(root, 'dist'), join(sandbox, 'dist'), { recursive: true })
    cpSync(join(root, 'examples', 'demo-app'), join(sandbox, 'work'), { recursive: true })
    // Each run must start, load its WASM, and write a verdict (any verdict: the example has findings).
    const runs = [
      ['gates', [], { INPUT_REPORTS: 'reports/*' }],
      ['container-lint', [], { INPUT_PATHS: '.' }],
      ['oidc-guard', [], { INPUT_MODE: 'audit', INPUT_PATHS: '.' }],
      ['oidc-guard', [], { INPUT_MODE: 'trust-policies', INPUT_PATHS: 'infra' }],
      ['rollback-verify', [], { INPUT_MODE: 'check', INPUT_PATHS: '.' }],
      ['cli', ['--version'], {}],
      ['cli', ['all', '--format', 'json', '-C', '.'], {}]
    ]
    for (const [name, args, inputs] of runs) {
      if (!existsSync(join(sandbox, 'dist', name, 'index.js'))) continue
      const label = `dist/${name} ${args.join(' ') || inputs.INPUT_MODE || ''}`.trim()
      const output = join(sandbox, 'github-output')
      writeFileSync(output, '')
      writeFileSync(join(sandbox, 'summary'), '')
      const env = {
        PATH: process.env.PATH,
        HOME: sandbox,
        RUNNER_TEMP: sandbox,
        GITHUB_WORKSPACE: join(sandbox, 'work'),
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: join(sandbox, 'summary'),
        'INPUT_FAIL-ON': 'high',
        'INPUT_WORKING-DIRECTORY': '.',
        INPUT_CONFIG: '.github/deploy-gates.yml',
        ...inputs
      }
      const run = spawnSync(process.execPath, [join(sandbox, 'dist', name, 'index.js'), ...args], {
        cwd: join(sandbox, 'work'),
        env,
        encoding: 'utf8',
        timeout: 120_000
      })
      const text = `${run.stdout}${run.stderr}`
      if (run.error || /Cannot find module|ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|ENOENT[^\n]*\.wasm|internal error|ReferenceError|\n\s+at /.test(text)) {
        problems.push(`${label} does not start cleanly: ${(run.error?.message ?? text).slice(0, 600)}`)
      } else if (name === 'cli' && args[0] === '--version') {
        if (run.status !== 0 || !/^\d+\.\d+\.\d+/.test(run.stdout)) problems.push(`${label} failed: ${text.slice(0, 300)}`)
      } else if (name === 'cli') {
        let verdict
        try {
          verdict = JSON.parse(run.stdout).verdict
        } catch {
          verdict = undefined
        }
        if (!['pass', 'fail', 'error'].includes(verdict) || run.status !== { pass: 0, fail: 1, error: 2 }[verdict]) {
          problems.push(`${label}: no JSON verdict / wrong exit status ${run.status}: ${text.slice(0, 500)}`)
        } else if (verdict === 'error') {
          problems.push(`${label}: verdict error on the example: ${run.stdout.slice(0, 800)}`)
        }
      } else {
        const written = readFileSync(output, 'utf8')
        if (!/^verdict<<ghadelimiter_/m.test(written)) problems.push(`${label} wrote no verdict output: ${text.slice(0, 500)}`)
        else if (/^verdict<<ghadelimiter_[^\n]*\nerror$/m.test(written)) problems.push(`${label}: verdict error on the example: ${text.slice(0, 800)}`)
      }
    }
  } finally {
    rmSync(sandbox, { recursive: true, force: true })
  }
} finally {
  rmSync(fresh, { recursive: true, force: true })
}

if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log('check-dist: dist/ is up to date, complete, and every bundle starts without node_modules')
