#!/usr/bin/env node
// gates vs the floor (a bare JSON.parse of the same files) and jq, at 10k, 100k and 300k findings.
// CPU time is the figure to compare on a shared machine; wall-clock is printed beside it.
// Prerequisite: npx tsc -p tsconfig.build.json   (jq: Debian package)
// Env: SIZES=10000,100000  RUNS=3  LAYOUT=native|compact (default native: each tool's own indentation)
//      GATES_BUILD=<another build dir> (before/after comparisons).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generate, LAYOUTS } from './generate.mjs'

const root = resolve(import.meta.dirname, '../..')
if (!existsSync(join(root, 'build/src/gates/index.js'))) {
  console.error('build/ is missing: run `npx tsc -p tsconfig.build.json` first')
  process.exit(2)
}
const SIZES = (process.env.SIZES ?? '10000,100000,300000').split(',').map(Number)
const RUNS = Number(process.env.RUNS ?? 3)
const LAYOUT = process.env.LAYOUT ?? 'native'
if (!LAYOUTS.includes(LAYOUT)) {
  console.error(`LAYOUT must be one of ${LAYOUTS.join(', ')}`)
  process.exit(2)
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const hasJq = spawnSync('jq', ['--version']).status === 0

function worker(mode, files) {
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', join(import.meta.dirname, 'worker.mjs'), mode, ...files], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr.slice(0, 800)}`)
  return JSON.parse(run.stdout)
}

const JQ_FILTER = '[inputs | .Results[]?.Vulnerabilities[]?.Severity] | group_by(.) | map({key: .[0], value: length}) | from_entries'

// jq under bash so `times` reports its CPU time (children user + system) next to wall-clock.
function jq(files) {
  const start = process.hrtime.bigint()
  const run = spawnSync('bash', ['-c', 'jq -n "$0" "$@" || exit $?; times >&2', JQ_FILTER, ...files], { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0) throw new Error(`jq failed: ${run.stderr}`)
  const children = run.stderr.trim().split('\n').pop() ?? ''
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0)
  return { ms, cpuMs: seconds * 1000, counts: run.stdout.replace(/\s+/g, ' ').trim() }
}

const pad = (n, w = 6) => (n === undefined ? 'n/a' : n.toFixed(0)).padStart(w)
const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a')

// gates, JSON.parse and jq alternate within each run, so all three see the same machine load.
function measure(label, files) {
  const gates = [], gatesCpu = [], parse = [], parseCpu = [], rss = [], parseRss = [], heap = [], jqs = [], jqCpu = []
  let found = 0
  for (let i = 0; i < RUNS; i++) {
    const g = worker('gates', files)
    gates.push(g.ms)
    gatesCpu.push(g.cpuMs)
    rss.push(g.rssMiB)
    heap.push(g.heapMiB)
    found = g.findings
    const p = worker('parse', files)
    parse.push(p.ms)
    parseCpu.push(p.cpuMs)
    parseRss.push(p.rssMiB)
    if (hasJq && label.startsWith('trivy')) {
      const j = jq(files)
      jqs.push(j.ms)
      jqCpu.push(j.cpuMs)
    }
  }
  const row = {
    label, files: files.length, findings: found,
    gatesMs: median(gates), gatesCpuMs: median(gatesCpu),
    parseMs: median(parse), parseCpuMs: median(parseCpu),
    jqMs: jqs.length ? median(jqs) : undefined, jqCpuMs: jqCpu.length ? median(jqCpu) : undefined,
    rssMiB: Math.max(...rss), parseRssMiB: Math.max(...parseRss), heapMiB: median(heap)
  }
  console.log(
    `${label.padEnd(13)} files ${String(row.files).padStart(3)} findings ${String(row.findings).padStart(6)} | cpu ms: gates ${pad(row.gatesCpuMs)} parse ${pad(row.parseCpuMs)} jq ${pad(row.jqCpuMs)}` +
      ` gates/parse ${ratio(row.gatesCpuMs, row.parseCpuMs)} gates/jq ${ratio(row.gatesCpuMs, row.jqCpuMs)}` +
      ` | wall ms: gates ${pad(row.gatesMs)} parse ${pad(row.parseMs)} jq ${pad(row.jqMs)} gates/parse ${ratio(row.gatesMs, row.parseMs)} gates/jq ${ratio(row.gatesMs, row.jqMs)}` +
      ` | peak RSS gates ${row.rssMiB.toFixed(0)} MiB (JSON.parse ${row.parseRssMiB.toFixed(0)}), live heap after ${row.heapMiB.toFixed(0)} MiB`
  )
  return row
}

const rows = []
for (const size of SIZES) {
  const dir = join(root, 'bench/.corpus/gates', LAYOUT, String(size))
  const { files, sources } = generate(dir, size, LAYOUT)
  if (size === SIZES[0]) console.log(`layout: ${LAYOUT}; templates: ${Object.values(sources).map(s => s.replace(`${resolve(root, '..')}/`, '../')).join(', ')}`)
  rows.push({ size, all: measure(`all ${size}`, Object.values(files).flat()), trivy: measure(`trivy ${size}`, files.trivy) })
}
console.log('\ngrowth (time per 1k findings, all tools; cpu, then wall):')
const per1k = (ms, size) => (ms / (size / 1000)).toFixed(2)
for (const r of rows) {
  console.log(
    `  ${String(r.size).padStart(7)}: gates ${per1k(r.all.gatesCpuMs, r.size)} / ${per1k(r.all.gatesMs, r.size)} ms/1k, ` +
      `JSON.parse ${per1k(r.all.parseCpuMs, r.size)} / ${per1k(r.all.parseMs, r.size)} ms/1k`
  )
}
