/**
 * Runs one input through the CLI in-process and checks the fail-closed
 * contract every variant shares: one parseable JSON document on stdout, no
 * stack trace or "internal error", exit code matching the verdict, an error
 * that names the file, and the input left byte-identical.
 */
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { runCli } from '../support/run-cli.js'

export interface JsonResult {
  verdict: 'pass' | 'fail' | 'error'
  counts: Record<string, number>
  findings: unknown[]
  errors: Array<{ path: string; message: string }>
}

export interface Judged {
  code: number
  result?: JsonResult
  /** Contract violations (empty when the run honoured the contract). */
  problems: string[]
}

const outputDir = resolve(import.meta.dirname, '../../.tmp/test-output')

const EXIT: Record<string, number> = { pass: 0, fail: 1, error: 2 }

function hashOf(path: string): string | undefined {
  if (!existsSync(path) || !lstatSync(path).isFile()) return undefined
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/**
 * Another vitest process's global setup may empty .tmp/test-output while this
 * one runs (parallel runs on one checkout): runCli's output capture then fails
 * with ENOENT after the CLI finished. Recreate the folder and run again.
 */
export async function runCliRetrying(cliArgs: string[]): Promise<Awaited<ReturnType<typeof runCli>>> {
  for (let attempt = 1; ; attempt++) {
    mkdirSync(outputDir, { recursive: true })
    try {
      return await runCli(cliArgs)
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
}

/**
 * `files` are workspace-relative inputs whose bytes must not change; `named`
 * is the file an error message must name (defaults to the first positional).
 */
export async function judge(workspace: string, cliArgs: string[], files: string[], named = files[0]): Promise<Judged> {
  const before = files.map(f => hashOf(join(workspace, f)))
  const run = await runCliRetrying(cliArgs)
  const problems: string[] = []
  files.forEach((f, i) => {
    if (hashOf(join(workspace, f)) !== before[i]) problems.push(`input ${f} changed`)
  })
  if (/internal error/i.test(run.stdout + run.stderr)) problems.push(`"internal error" printed: ${(run.stdout + run.stderr).slice(0, 300)}`)
  if (/\n\s+at .+[(:]\d+/.test(run.stdout + run.stderr)) problems.push('stack trace printed')
  let result: JsonResult | undefined
  try {
    result = JSON.parse(run.stdout) as JsonResult
  } catch {
    problems.push(`stdout is not one JSON document: ${run.stdout.slice(0, 200)}`)
  }
  if (result) {
    if (EXIT[result.verdict] !== run.code) problems.push(`exit code ${run.code} for verdict ${result.verdict}`)
    if (result.verdict === 'error') {
      const name = named ? basename(named) : ''
      const naming = result.errors.filter(e => name === '' || e.path.includes(name) || e.message.includes(name))
      if (naming.length === 0) problems.push(`no error names ${name}: ${JSON.stringify(result.errors).slice(0, 300)}`)
      else if (naming.some(e => e.message.trim().length < 5)) problems.push(`error without a fault: ${JSON.stringify(naming)}`)
    }
  }
  return { code: run.code, ...(result && { result }), problems }
}

/** Per-category tallies printed at the end of a corpus. */
export class Tally {
  private readonly rows = new Map<string, { tried: number; error: number; fail: number; pass: number; tolerated: number; silent: number; known: number; knownPass: number }>()

  add(category: string, verdict: string | undefined, outcome: 'ok' | 'tolerated' | 'silent' | 'known'): void {
    const row = this.rows.get(category) ?? { tried: 0, error: 0, fail: 0, pass: 0, tolerated: 0, silent: 0, known: 0, knownPass: 0 }
    row.tried++
    if (verdict === 'error' || verdict === 'fail' || verdict === 'pass') row[verdict]++
    if (outcome === 'tolerated') row.tolerated++
    if (outcome === 'silent') row.silent++
    if (outcome === 'known') row.known++
    if (outcome === 'known' && verdict === 'pass') row.knownPass++
    this.rows.set(category, row)
  }

  get tried(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.tried, 0)
  }

  get silent(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.silent, 0)
  }

  /** Passes of broken inputs excluded as known bugs of code this suite may not edit. */
  get knownPasses(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.knownPass, 0)
  }

  print(title: string): void {
    const lines = [`${title}: ${this.tried} variant(s) tried, ${this.silent} silent pass(es), ${this.knownPasses} more excluded as known bugs`]
    for (const [category, r] of [...this.rows.entries()].sort()) {
      lines.push(
        `  ${category.padEnd(20)} tried ${String(r.tried).padStart(4)}  error ${String(r.error).padStart(4)}  fail ${String(r.fail).padStart(4)}  pass ${String(r.pass).padStart(3)} (tolerated ${r.tolerated}, silent ${r.silent}, known bug ${r.known} of which pass ${r.knownPass})`
      )
    }
    console.log(lines.join('\n'))
  }
}
