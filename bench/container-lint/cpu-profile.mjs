#!/usr/bin/env node
// CPU-time profile of the Dockerfile half of container-lint, for a loaded machine: wall-clock lies when other
// processes share the cores, process CPU time (user + system, GC threads included) does not.
// Same corpus (generate.mjs), same process, phases alternated round by round:
//   parse      dockerfile-ast alone, its public DockerfileParser.parse (the floor)
//   lean       dockerfile-ast as the model calls it (ast.ts: boundaries only)
//   model      buildModel (parse + our model)
//   lint       lintDockerfile with every rule enabled (model + rules + findings + fingerprints)
//   dfl        dockerfilelint (npm) on the same files
// then a per-rule CPU breakdown over prebuilt models, and optionally a V8 CPU profile of the lint phase.
// Prerequisite: npx tsc -p tsconfig.build.json (or BUILD_DIR=<outDir> for a private copy).
// Usage: node bench/container-lint/cpu-profile.mjs [--rules] [--prof out.cpuprofile]   env COUNT, ROUNDS
import { createRequire } from 'node:module'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Session } from 'node:inspector/promises'
import { generate } from './generate.mjs'

const root = resolve(import.meta.dirname, '../..')
const buildRoot = resolve(root, process.env.BUILD_DIR ?? 'build')
const build = join(buildRoot, 'src/container-lint/dockerfile')
if (!existsSync(join(build, 'lint.js'))) {
  console.error(`${build} is missing: run \`npx tsc -p tsconfig.build.json\` first`)
  process.exit(2)
}
const { lintDockerfile, DOCKERFILE_RULES } = await import(join(build, 'lint.js'))
const { buildModel } = await import(join(build, 'model.js'))
// ast.js: dockerfile-ast asked for boundaries only (absent in builds before it existed)
const lean = existsSync(join(build, 'ast.js')) ? await import(join(build, 'ast.js')) : undefined
const { DockerfileParser } = await import('dockerfile-ast')
const require = createRequire(import.meta.url)
const dockerfilelint = require('dockerfilelint')

const args = process.argv.slice(2)
const COUNT = Number(process.env.COUNT ?? 3000)
const ROUNDS = Number(process.env.ROUNDS ?? 7)
const { dockerfiles } = generate(COUNT)
const all = { isEnabled: () => true }

const cpuMs = fn => {
  const before = process.cpuUsage()
  fn()
  const d = process.cpuUsage(before)
  return (d.user + d.system) / 1000
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rate = ms => Math.round((COUNT / ms) * 1000)

let sink = 0
const phases = {
  parse: () => { for (const t of dockerfiles) sink += DockerfileParser.parse(t).getInstructions().length },
  ...(lean === undefined ? {} : { 'lean': () => { for (const t of dockerfiles) sink += lean.parseDockerfileAst(t).getInstructions().length } }),
  model: () => { for (const t of dockerfiles) sink += buildModel(t).instructions.length },
  lint: () => { for (let i = 0; i < COUNT; i++) sink += lintDockerfile(dockerfiles[i], `d${i}/Dockerfile`, all).length },
  dfl: () => {
    for (const t of dockerfiles) {
      try { sink += dockerfilelint.run(import.meta.dirname, t).length } catch { sink++ }
    }
  }
}
const times = Object.fromEntries(Object.keys(phases).map(k => [k, []]))
for (const fn of Object.values(phases)) fn() // warm-up (JIT)
for (let r = 0; r < ROUNDS; r++) for (const [k, fn] of Object.entries(phases)) { globalThis.gc?.(); times[k].push(cpuMs(fn)) }

const os = await import('node:os')
console.log(`load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores; ${COUNT} Dockerfiles; median CPU time of ${ROUNDS} alternated rounds; node ${process.version}`)
for (const k of Object.keys(phases)) console.log(`${k.padEnd(6)} ${String(rate(median(times[k]))).padStart(7)} files/s by CPU  (${median(times[k]).toFixed(0)} ms CPU)`)
console.log(`lint / dockerfilelint by CPU: ${(median(times.dfl) / median(times.lint)).toFixed(2)}x  (target >= 3x); ${DOCKERFILE_RULES.length} rules`)

if (args.includes('--rules')) {
  // Per-rule CPU over prebuilt models: the rules' own cost, findings and fingerprints excluded.
  const models = dockerfiles.map(t => buildModel(t))
  const per = DOCKERFILE_RULES.map(rule => {
    for (const m of models) rule.check(m, all)
    const ms = median(Array.from({ length: 3 }, () => cpuMs(() => { for (const m of models) sink += rule.check(m, all).length })))
    return { id: rule.id, ms }
  }).sort((a, b) => b.ms - a.ms)
  const total = per.reduce((n, p) => n + p.ms, 0)
  console.log(`rules alone (warm models): ${total.toFixed(0)} ms CPU for ${COUNT} files; top 12:`)
  for (const p of per.slice(0, 12)) console.log(`  ${p.id} ${p.ms.toFixed(1)} ms`)
}

const profAt = args.indexOf('--prof')
if (profAt >= 0) {
  // V8 CPU profile of the lint phase only, plus a self-time summary by function.
  const out = args[profAt + 1] ?? 'lint.cpuprofile'
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  for (let r = 0; r < 3; r++) phases.lint()
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(out, JSON.stringify(profile))
  const self = new Map()
  const dt = profile.timeDeltas
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const counts = new Map()
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)))
  let total = 0
  for (const [id, us] of counts) {
    const f = byId.get(id).callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|build)\//, '$1/')}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + us)
    total += us
  }
  console.log(`profile written to ${out}; self time, top 30:`)
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
}
if (sink === 0) console.log('(nothing ran)')
