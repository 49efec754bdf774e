// One measurement in its own process, so peak RSS belongs to it alone.
// usage: node worker.mjs gates|parse FILE…
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const [mode, ...files] = process.argv.slice(2)
const root = resolve(import.meta.dirname, '../..')
// GATES_BUILD: another compiled tree (e.g. a copy of build/ from before a change) for before/after figures.
const build = process.env.GATES_BUILD ? resolve(process.env.GATES_BUILD) : resolve(root, 'build')
// Module loading is a constant, measured by bench/startup.mjs; time the work only.
const lib =
  mode === 'gates'
    ? {
        ...(await import(resolve(build, 'src/gates/index.js'))),
        ...(await import(resolve(build, 'src/core/pipeline.js'))),
        ...(await import(resolve(build, 'src/core/config.js'))),
        ...(await import(resolve(build, 'src/core/logger.js')))
      }
    : {}
const start = process.hrtime.bigint()
const cpuStart = process.cpuUsage()
let findings = 0
let keep
if (mode === 'parse') {
  for (const file of files) {
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    findings += doc ? 1 : 0
  }
} else {
  const { runGates, finalize, DeployGatesConfig, silentLogger } = lib
  const ctx = { workspace: dirname(files[0]), config: DeployGatesConfig.empty(), logger: silentLogger, allowOutside: true }
  const scan = await runGates(ctx, { reports: files, maxBytes: 64 * 1024 * 1024 })
  const report = finalize(scan, ctx.config)
  if (report.errors.length) throw new Error(JSON.stringify(report.errors.slice(0, 3)))
  findings = report.findings.length
  keep = report
}
const ms = Number(process.hrtime.bigint() - start) / 1e6
// CPU time (user + system) of the work: on a loaded machine wall-clock mostly measures the neighbours.
const cpu = process.cpuUsage(cpuStart)
const cpuMs = (cpu.user + cpu.system) / 1000
const rssMiB = process.resourceUsage().maxRSS / 1024
// Live heap once the work is done and collected (the report still referenced): what the findings cost to keep.
globalThis.gc?.()
const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024
// `kept` reads the report after the measurement, so it stays referenced (and counted) until then.
process.stdout.write(JSON.stringify({ ms, cpuMs, rssMiB, heapMiB, findings, kept: keep ? 1 : 0 }))
