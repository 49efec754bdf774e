/**
 * Fail-closed corruption corpus for `gates` (issue 8): every real report in
 * ../shared/fixtures/reports and every project report fixture, broken in
 * every way test/support/corrupt.ts knows, run through the CLI in-process
 * with --fail-on low. A variant may only pass when its original passed and
 * the variant still says the same thing (see Expectation in corrupt.ts).
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, ftruncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { candidateFormats } from '../../src/gates/detect.js'
import { REPORT_FORMATS } from '../../src/gates/parse.js'
import { reportVariants, type SourceFile, type Variant } from '../support/corrupt.js'
import { judge, Tally, type JsonResult } from './cli-judge.js'

const repo = resolve(import.meta.dirname, '../..')
const sharedDir = resolve(repo, '../shared/fixtures/reports')
const projectDirs = [resolve(repo, 'test/fixtures/reports'), resolve(repo, 'test/fixtures/gates')]

/**
 * Variants that expose a bug in code this suite may not edit; kept visible
 * (counted as "known bug") instead of weakening the rule for everybody.
 */
const KNOWN_BUGS: Array<[RegExp, string]> = []

function knownBug(id: string): string | undefined {
  return KNOWN_BUGS.find(([pattern]) => pattern.test(id))?.[1]
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name))
    .filter(f => !f.endsWith('.md'))
    .sort()
}

function sources(): SourceFile[] {
  const shared = listFiles(sharedDir).map(f => ({ label: `shared/${relative(sharedDir, f)}`, relPath: relative(sharedDir, f), bytes: readFileSync(f) }))
  const project = projectDirs.flatMap(dir =>
    listFiles(dir).map(f => ({ label: `project/${relative(repo, f)}`, relPath: relative(resolve(repo, 'test/fixtures'), f), bytes: readFileSync(f) }))
  )
  return [...shared, ...project]
}

function wrongFormatFor(bytes: Buffer, relPath: string): string | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(bytes.toString('utf8'))
  } catch {
    return 'trivy-json' // gitleaks CSV (or an already broken file)
  }
  const candidates = candidateFormats(doc, relPath)
  return REPORT_FORMATS.find(f => f !== 'gitleaks-csv' && !candidates.includes(f))
}

let root: string
let counter = 0
const tally = new Tally()
const violations: string[] = []
const tolerated: string[] = []
const known: string[] = []
const knownIds: string[] = []

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-corpus-'))
  if (!existsSync(sharedDir)) console.warn(`corruption corpus: ${sharedDir} is absent, shared scanner reports SKIPPED (project fixtures only)`)
})

afterAll(() => {
  tally.print('gates corruption corpus')
  if (tolerated.length) console.log(`tolerated passes (original passes, variant says the same):\n  ${tolerated.slice(0, 40).join('\n  ')}${tolerated.length > 40 ? `\n  … ${tolerated.length - 40} more` : ''}`)
  if (known.length) console.log(`known bugs (excluded, see KNOWN_BUGS):\n  ${known.join('\n  ')}`)
  const unused = KNOWN_BUGS.filter(([pattern]) => !knownIds.some(id => pattern.test(id)))
  if (unused.length) console.warn(`KNOWN_BUGS entries no variant needed any more (fixed? remove them): ${unused.map(([p]) => p.source).join(' | ')}`)
  rmSync(root, { recursive: true, force: true })
})

/** A fresh workspace holding one file. */
function workspaceWith(relPath: string, bytes: Buffer): string {
  const ws = join(root, `w${++counter}`)
  mkdirSync(dirname(join(ws, relPath)), { recursive: true })
  writeFileSync(join(ws, relPath), bytes)
  return ws
}

function gatesArgs(ws: string, file: string, extra: string[] = []): string[] {
  return ['gates', '--format', 'json', '--fail-on', 'low', '-C', ws, ...extra, file]
}

interface Original {
  source: SourceFile
  result: JsonResult
}

async function original(source: SourceFile): Promise<Original> {
  const ws = workspaceWith(source.relPath, source.bytes)
  const run = await judge(ws, gatesArgs(ws, source.relPath), [source.relPath])
  expect(run.problems, source.label).toEqual([])
  return { source, result: run.result! }
}

/** Judges one variant against its original, recording the outcome. */
async function check(variant: Variant, base: JsonResult): Promise<void> {
  const ws = workspaceWith(variant.relPath, variant.bytes)
  const run = await judge(ws, gatesArgs(ws, variant.relPath, variant.args), [variant.relPath])
  const verdict = run.result?.verdict
  const problems = [...run.problems]
  if (variant.expect === 'error' && verdict !== 'error') problems.push(`verdict ${verdict}, expected error`)
  if (variant.expect === 'not-weaker' && verdict !== 'error' && verdict !== base.verdict) problems.push(`verdict ${verdict}, expected ${base.verdict} (the original's) or error`)
  if (variant.expect === 'same' && (verdict !== base.verdict || JSON.stringify(run.result?.counts) !== JSON.stringify(base.counts))) {
    problems.push(`verdict ${verdict} ${JSON.stringify(run.result?.counts)}, expected the original's ${base.verdict} ${JSON.stringify(base.counts)}`)
  }
  const silent = verdict === 'pass' && problems.length > 0
  const bug = knownBug(variant.id)
  if (problems.length > 0 && bug) {
    known.push(`${variant.id}: ${bug}`)
    knownIds.push(variant.id)
    tally.add(variant.category, verdict, 'known')
    return
  }
  if (problems.length > 0) violations.push(`${variant.id}: ${problems.join('; ')}`)
  const outcome = silent ? 'silent' : verdict === 'pass' ? 'tolerated' : 'ok'
  if (outcome === 'tolerated' && variant.expect !== 'same') tolerated.push(variant.id)
  tally.add(variant.category, verdict, outcome)
}

describe('gates: fail-closed corruption corpus', () => {
  const all = sources()

  it('has report sources to corrupt', () => {
    expect(all.length).toBeGreaterThan(20)
  })

  it('no structural variant of any report passes silently', async () => {
    for (const source of all) {
      const base = await original(source)
      for (const variant of reportVariants(source, wrongFormatFor(source.bytes, source.relPath))) await check(variant, base.result)
    }
    expect(violations, violations.join('\n')).toEqual([])
  })

  it('empty, blank, binary and NUL-padded files are errors naming the file', async () => {
    const cases: Array<[string, Buffer]> = [
      ['empty', Buffer.alloc(0)],
      ['blank', Buffer.from('  \n\t\n')],
      ['binary', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00])],
      ['nul-padded JSON', Buffer.concat([Buffer.from('{"runs": []'), Buffer.alloc(64)])],
      ['JSON null in a .sarif', Buffer.from('null\n')],
      ['a bare number', Buffer.from('42\n')],
      ['UTF-16 with BOM, empty', Buffer.from([0xff, 0xfe])]
    ]
    for (const [what, bytes] of cases) {
      const rel = what === 'JSON null in a .sarif' ? 'reports/codeql.sarif' : 'reports/scan.json'
      await check({ category: 'empty/binary', id: `synthetic ${what}`, relPath: rel, bytes, expect: 'error' }, { verdict: 'error', counts: {}, findings: [], errors: [] })
    }
    expect(violations, violations.join('\n')).toEqual([])
  })

  it('a directory where a report is expected is an error', async () => {
    const ws = join(root, `w${++counter}`)
    mkdirSync(join(ws, 'trivy.json'), { recursive: true })
    const run = await judge(ws, gatesArgs(ws, 'trivy.json'), [])
    tally.add('directory', run.result?.verdict, run.result?.verdict === 'pass' ? 'silent' : 'ok')
    expect(run.problems).toEqual([])
    expect(run.result?.verdict).toBe('error')
    expect(run.result?.errors[0]?.message).toMatch(/directory/)
  })

  it('a symbolic link to a report outside the workspace is refused, and read with --allow-outside', async () => {
    const outside = mkdtempSync(join(root, 'outside-'))
    const report = JSON.stringify({ SchemaVersion: 2, ArtifactName: '.', ArtifactType: 'filesystem', Results: [{ Target: 'package-lock.json', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [{ VulnerabilityID: 'CVE-2024-0001', PkgName: 'x', InstalledVersion: '1.0.0', Severity: 'HIGH', Title: 't' }] }] })
    writeFileSync(join(outside, 'trivy.json'), report)
    const ws = join(root, `w${++counter}`)
    mkdirSync(ws)
    symlinkSync(join(outside, 'trivy.json'), join(ws, 'trivy.json'))
    const refused = await judge(ws, gatesArgs(ws, 'trivy.json'), ['trivy.json'])
    tally.add('symlink-outside', refused.result?.verdict, refused.result?.verdict === 'pass' ? 'silent' : 'ok')
    expect(refused.problems).toEqual([])
    expect(refused.result?.verdict).toBe('error')
    expect(refused.result?.errors[0]?.message).toMatch(/outside the workspace/)
    const allowed = await judge(ws, gatesArgs(ws, 'trivy.json', ['--allow-outside']), ['trivy.json'])
    expect(allowed.result?.verdict).toBe('fail')
  })

  it('a 200 MB report is refused by the size limit, quickly and without reading it', async () => {
    const ws = join(root, `w${++counter}`)
    mkdirSync(ws)
    const file = join(ws, 'trivy.json')
    // Sparse: a JSON array start then 200 MB of holes; nothing is written to disk but the header.
    const fd = openSync(file, 'w')
    writeSync(fd, '[{"Target":"x","Vulnerabilities":[')
    ftruncateSync(fd, 200 * 1024 * 1024)
    closeSync(fd)
    expect(statSync(file).size).toBe(200 * 1024 * 1024)
    const memoryBefore = process.memoryUsage().arrayBuffers
    const run = await judge(ws, gatesArgs(ws, 'trivy.json'), [])
    const grown = process.memoryUsage().arrayBuffers - memoryBefore
    rmSync(file)
    tally.add('200 MB file', run.result?.verdict, run.result?.verdict === 'pass' ? 'silent' : 'ok')
    expect(run.problems).toEqual([])
    expect(run.result?.verdict).toBe('error')
    expect(run.result?.errors[0]?.message).toMatch(/200\.0 MiB, larger than the 100\.0 MiB limit/)
    // Read into memory it would take 200 MB of buffers.
    expect(grown).toBeLessThan(50 * 1024 * 1024)
  }, 30_000)

  it('prints the totals: silent passes must be 0', () => {
    tally.print('gates corruption corpus (so far)')
    expect(tally.silent).toBe(0)
    expect(tally.tried).toBeGreaterThan(100)
  })
})
