// One measurement in its own process, so peak RSS belongs to it alone.
// usage: node worker.mjs gates|parse FILE…
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const [mode, ...files] = process.argv.slice(2)
const root = resolve(import.meta.dirname, '../..')
// Module loading is a constant, measured by bench/startup.mjs; time the work only.
const lib =
  mode === 'gates'
    ? {
        ...(await import(resolve(root, 'build/src/gates/index.js'))),
        ...(await import(resolve(root, 'build/src/core/pipeline.js'))),
        ...(await import(resolve(root, 'build/src/core/config.js'))),
        ...(await import(resolve(root, 'build/src/core/logger.js')))
      }
    : {}
const start = process.hrtime.bigint()
let findings = 0
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
}
const ms = Number(process.hrtime.bigint() - start) / 1e6
process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, findings }))
