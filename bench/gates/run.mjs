#!/usr/bin/env node
// gates vs the floor (a bare JSON.parse of the same files) and jq, at 10k, 100k and 300k findings.
// Prerequisite: npx tsc -p tsconfig.build.json   (jq: Debian package)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generate } from './generate.mjs'

const root = resolve(import.meta.dirname, '../..')
if (!existsSync(join(root, 'build/src/gates/index.js'))) {
  console.error('build/ is missing: run `npx tsc -p tsconfig.build.json` first')
  process.exit(2)
}
const SIZES = (process.env.SIZES ?? '10000,100000,300000').split(',').map(Number)
const RUNS = Number(process.env.RUNS ?? 3)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const hasJq = spawnSync('jq', ['--version']).status === 0

function worker(mode, files) {
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', join(import.meta.dirname, 'worker.mjs'), mode, ...files], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr.slice(0, 800)}`)
  return JSON.parse(run.stdout)
}

function jq(files) {
  const start = process.hrtime.bigint()
  const run = spawnSync('jq', ['-n', '[inputs | .Results[]?.Vulnerabilities[]?.Severity] | group_by(.) | map({key: .[0], value: length}) | from_entries', ...files], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`jq failed: ${run.stderr}`)
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, counts: run.stdout.replace(/\s+/g, ' ').trim() }
}

function measure(label, files) {
  const gates = [], parse = [], rss = [], jqs = []
  let found = 0
  for (let i = 0; i < RUNS; i++) {
    const g = worker('gates', files)
    gates.push(g.ms)
    rss.push(g.rssMiB)
    found = g.findings
    parse.push(worker('parse', files).ms)
    if (hasJq && label.startsWith('trivy')) jqs.push(jq(files).ms)
  }
  const row = { label, files: files.length, findings: found, gatesMs: median(gates), parseMs: median(parse), jqMs: jqs.length ? median(jqs) : undefined, rssMiB: Math.max(...rss) }
  const ratio = (row.gatesMs / row.parseMs).toFixed(2)
  const jqRatio = row.jqMs ? (row.gatesMs / row.jqMs).toFixed(2) : 'n/a'
  console.log(
    `${label.padEnd(16)} files ${String(row.files).padStart(3)}  findings ${String(row.findings).padStart(7)}  gates ${row.gatesMs.toFixed(0).padStart(6)} ms  JSON.parse ${row.parseMs.toFixed(0).padStart(6)} ms  ` +
      `jq ${row.jqMs ? row.jqMs.toFixed(0).padStart(6) : '   n/a'} ms  gates/parse ${ratio}  gates/jq ${jqRatio}  peak RSS ${row.rssMiB.toFixed(0)} MiB`
  )
  return row
}

const rows = []
for (const size of SIZES) {
  const dir = join(root, 'bench/.corpus/gates', String(size))
  const { files, sources } = generate(dir, size)
  if (size === SIZES[0]) console.log(`templates: ${Object.values(sources).map(s => s.replace(`${resolve(root, '..')}/`, '../')).join(', ')}`)
  rows.push({ size, all: measure(`all ${size}`, Object.values(files).flat()), trivy: measure(`trivy ${size}`, files.trivy) })
}
console.log('\ngrowth (time per 1k findings, all tools):')
for (const r of rows) console.log(`  ${String(r.size).padStart(7)}: gates ${(r.all.gatesMs / (r.size / 1000)).toFixed(2)} ms/1k, JSON.parse ${(r.all.parseMs / (r.size / 1000)).toFixed(2)} ms/1k`)
