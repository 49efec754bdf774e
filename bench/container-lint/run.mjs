#!/usr/bin/env node
// container-lint vs dockerfilelint (npm) on the same generated Dockerfiles, in the same process and run,
// plus Kubernetes manifests (parse + all rules, cross-file NetworkPolicy included) and an end-to-end run from disk.
// Prerequisite: npx tsc -p tsconfig.build.json
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { generate } from './generate.mjs'

const root = resolve(import.meta.dirname, '../..')
// BUILD_DIR: where `tsc -p tsconfig.build.json` wrote its output (default build/; use --outDir for a private copy).
const buildRoot = resolve(root, process.env.BUILD_DIR ?? 'build')
const build = join(buildRoot, 'src/container-lint')
if (!existsSync(join(build, 'index.js'))) {
  console.error(`${build} is missing: run \`npx tsc -p tsconfig.build.json\` first`)
  process.exit(2)
}
const { lintDockerfile, DOCKERFILE_RULES } = await import(join(build, 'dockerfile/lint.js'))
const { lintManifests } = await import(join(build, 'k8s/lint.js'))
const { parseManifestFile } = await import(join(build, 'k8s/model.js'))
const { K8S_RULES } = await import(join(build, 'k8s/rules/index.js'))
const { runContainerLint } = await import(join(build, 'index.js'))
const { DeployGatesConfig } = await import(join(buildRoot, 'src/core/config.js'))
const { parseAllDocuments, LineCounter } = await import('yaml')
const { DockerfileParser } = await import('dockerfile-ast')
const require = createRequire(import.meta.url)
const dockerfilelint = require('dockerfilelint')
const dockerfilelintRules = Object.keys(require('dockerfilelint/lib/reference.js')).length

const COUNT = Number(process.env.COUNT ?? 3000)
const RUNS = Number(process.env.RUNS ?? 5)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const { dockerfiles, manifests } = generate(COUNT)
const bytes = xs => xs.reduce((n, s) => n + s.length, 0)
const lines = xs => xs.reduce((n, s) => n + s.split('\n').length, 0)

const enabled = { isEnabled: r => r.enabledByDefault !== false }
const all = { isEnabled: () => true }

function time(fn) {
  const start = process.hrtime.bigint()
  const out = fn()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out }
}

const ours = () => dockerfiles.reduce((n, text, i) => n + lintDockerfile(text, `d${i}/Dockerfile`, all).length, 0)
// dockerfilelint's run(configDir, content): the config dir has no .dockerfilelintrc, so all its rules run.
// It throws on some valid files (e.g. HEALTHCHECK without options): those count as crashes, not findings.
let crashes = 0
const theirs = () => {
  crashes = 0
  return dockerfiles.reduce((n, text) => {
    try {
      return n + dockerfilelint.run(import.meta.dirname, text).length
    } catch {
      crashes++
      return n
    }
  }, 0)
}
const k8s = () => lintManifests(manifests.map((t, i) => parseManifestFile(t, `m${i}.yaml`)), all).findings.length

// Floors: the parsers alone, to read the figures against on a loaded machine.
const astFloor = () => dockerfiles.forEach(text => DockerfileParser.parse(text))
const yamlFloor = () => manifests.forEach(text => parseAllDocuments(text, { lineCounter: new LineCounter(), version: '1.1', uniqueKeys: false }))

// Warm up (JIT), then alternate runs so that machine noise hits every variant alike.
ours(); theirs(); k8s(); astFloor(); yamlFloor()
const o = [], t = [], k = [], af = [], yf = []
let findings = { ours: 0, theirs: 0, k8s: 0 }
for (let i = 0; i < RUNS; i++) {
  const a = time(ours); o.push(a.ms); findings.ours = a.out
  const b = time(theirs); t.push(b.ms); findings.theirs = b.out
  const c = time(k8s); k.push(c.ms); findings.k8s = c.out
  af.push(time(astFloor).ms)
  yf.push(time(yamlFloor).ms)
}
const rate = ms => Math.round((COUNT / ms) * 1000)

// End to end: discovery + reading + linting from disk.
const dir = join(root, 'bench/.corpus/container-lint')
rmSync(dir, { recursive: true, force: true })
dockerfiles.forEach((text, i) => {
  mkdirSync(join(dir, `svc${i}`), { recursive: true })
  writeFileSync(join(dir, `svc${i}`, 'Dockerfile'), text)
  writeFileSync(join(dir, `svc${i}`, 'k8s.yaml'), manifests[i])
})
const ctx = { workspace: dir, config: DeployGatesConfig.empty(), logger: { info() {}, warning() {}, debug() {} } }
await runContainerLint(ctx, { paths: ['.'] })
const e2e = []
let e2eResult
for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) {
  const start = process.hrtime.bigint()
  e2eResult = await runContainerLint(ctx, { paths: ['.'] })
  e2e.push(Number(process.hrtime.bigint() - start) / 1e6)
}

console.log(`load average: ${(await import('node:os')).loadavg().map(x => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`)
console.log(`corpus: ${COUNT} Dockerfiles (${lines(dockerfiles)} lines, ${(bytes(dockerfiles) / 1024).toFixed(0)} KiB) + ${COUNT} manifest files (${lines(manifests)} lines, ${(bytes(manifests) / 1024).toFixed(0)} KiB, ${manifests.reduce((n, m) => n + m.split(/^---$/m).length, 0)} documents); median of ${RUNS} runs; node ${process.version}`)
console.log(`rules: container-lint ${DOCKERFILE_RULES.length} Dockerfile + ${K8S_RULES.length} Kubernetes (all enabled for the timing); dockerfilelint ${dockerfilelintRules} checks`)
console.log(`Dockerfiles  container-lint : ${rate(median(o))} files/s  (${median(o).toFixed(0)} ms, ${findings.ours} findings)`)
console.log(`Dockerfiles  dockerfilelint : ${rate(median(t))} files/s  (${median(t).toFixed(0)} ms, ${findings.theirs} findings, crashed on ${crashes} files)`)
console.log(`Dockerfiles  dockerfile-ast parse alone (floor): ${rate(median(af))} files/s`)
console.log(`ratio container-lint / dockerfilelint: ${(median(t) / median(o)).toFixed(2)}x  (target >= 3x)`)
console.log(`manifests    container-lint : ${rate(median(k))} files/s  (${median(k).toFixed(0)} ms, ${findings.k8s} findings; parse once + ${K8S_RULES.length} rules + cross-file NetworkPolicy)  (target >= 2000 files/s)`)
console.log(`manifests    yaml parseAllDocuments alone (floor): ${rate(median(yf))} files/s`)
console.log(`end to end from disk (discover + read + lint, default rules): ${COUNT * 2} files in ${median(e2e).toFixed(0)} ms = ${Math.round((COUNT * 2 / median(e2e)) * 1000)} files/s, ${e2eResult.findings.length} findings, ${e2eResult.errors.length} errors`)
rmSync(dir, { recursive: true, force: true })
