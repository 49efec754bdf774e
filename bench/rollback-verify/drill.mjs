#!/usr/bin/env node
// Rollback drill on generated golang-migrate pairs on embedded PGlite: engine start and drill time
// (every up, every down with a catalog comparison, every up again) per size. Target: 100 pairs <= 10 s after start.
// Prerequisite: npx tsc -p tsconfig.build.json      Usage: node bench/rollback-verify/drill.mjs [pairs...]
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os, { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const build = join(root, 'build/src')
if (!existsSync(join(build, 'rollback-verify/drill/drill.js'))) {
  console.error('build/ is missing: run `npx tsc -p tsconfig.build.json` first')
  process.exit(2)
}
const { DeployGatesConfig } = await import(join(build, 'core/config.js'))
const { silentLogger } = await import(join(build, 'core/logger.js'))
const { drillMigrations } = await import(join(build, 'rollback-verify/drill/drill.js'))
const { createPgliteEngine } = await import(join(build, 'rollback-verify/drill/pglite-engine.js'))
const { discoverMigrations } = await import(join(build, 'rollback-verify/migrations/discover.js'))

/** A realistic mix: new tables with indexes and FKs, added columns, enums, views. */
function pair(i) {
  const t = `t${i}`
  if (i % 5 === 4) {
    return {
      up: `ALTER TABLE t${i - 1} ADD COLUMN note_${i} text;\nCREATE INDEX t${i - 1}_note_${i}_idx ON t${i - 1} (note_${i});\n`,
      down: `DROP INDEX t${i - 1}_note_${i}_idx;\nALTER TABLE t${i - 1} DROP COLUMN note_${i};\n`
    }
  }
  if (i % 5 === 3) {
    return {
      up: `CREATE TYPE state_${i} AS ENUM ('new', 'done');\nCREATE TABLE ${t} (id bigserial PRIMARY KEY, parent_id bigint REFERENCES t${i - 1} (id), state state_${i} NOT NULL DEFAULT 'new');\nCREATE VIEW ${t}_open AS SELECT id FROM ${t} WHERE state = 'new';\n`,
      down: `DROP VIEW ${t}_open;\nDROP TABLE ${t};\nDROP TYPE state_${i};\n`
    }
  }
  return {
    up: `CREATE TABLE ${t} (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\nCREATE UNIQUE INDEX ${t}_name_idx ON ${t} (name);\n`,
    down: `DROP TABLE ${t};\n`
  }
}

async function generate(count) {
  const dir = await mkdtemp(join(tmpdir(), 'dg-drill-bench-'))
  for (let i = 1; i <= count; i++) {
    const { up, down } = pair(i)
    const base = `${String(i).padStart(6, '0')}_step_${i}`
    await writeFile(join(dir, `${base}.up.sql`), up)
    await writeFile(join(dir, `${base}.down.sql`), down)
  }
  return dir
}

async function measure(count) {
  const dir = await generate(count)
  try {
    const ctx = { workspace: dir, config: DeployGatesConfig.empty(), logger: silentLogger }
    const set = await discoverMigrations(ctx, '.')
    if (set.migrations.length !== count) throw new Error(`generated ${count} pairs, discovered ${set.migrations.length}`)
    const t0 = performance.now()
    const engine = await createPgliteEngine({ timeoutMs: 60_000 })
    const t1 = performance.now()
    // PGlite runs in this process, so CPU time is the drill's own cost even on a busy machine.
    const cpu0 = process.cpuUsage()
    try {
      const outcome = await drillMigrations(engine, set)
      const t2 = performance.now()
      const cpu = process.cpuUsage(cpu0)
      if (outcome.errors.length > 0) throw new Error(outcome.errors.map(e => e.message).join('\n'))
      return { count, startS: (t1 - t0) / 1000, drillS: (t2 - t1) / 1000, cpuS: (cpu.user + cpu.system) / 1e6, findings: outcome.findings.length }
    } finally {
      await engine.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter(n => Number.isInteger(n) && n > 0)
  const results = []
  for (const count of sizes.length > 0 ? sizes : [100, 300]) {
    const r = await measure(count)
    results.push(r)
    console.log(
      `${String(r.count).padStart(4)} pairs: engine start ${r.startS.toFixed(2)} s, drill ${r.drillS.toFixed(2)} s wall / ${r.cpuS.toFixed(2)} s CPU ` +
        `(${((r.drillS * 1000) / r.count).toFixed(1)} ms/pair, ${r.findings} findings)` +
        (r.count === 100 ? ` — target ≤ 10 s: ${r.drillS <= 10 ? 'met' : 'MISSED'}` : '')
    )
  }
  const [small, large] = [results[0], results[results.length - 1]]
  if (small && large && large !== small) {
    const ratio = large.drillS / small.drillS
    const sizeRatio = large.count / small.count
    const cpuRatio = large.cpuS / small.cpuS
    console.log(`growth: ${sizeRatio}× pairs → ${ratio.toFixed(2)}× wall time, ${cpuRatio.toFixed(2)}× CPU time (linear would be ${sizeRatio}×, quadratic ${sizeRatio ** 2}×)`)
    console.log(`load average while running: ${os.loadavg().map(l => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`)
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
