/**
 * Large reports are read lazily (core/lazy-json): findings arrays element by
 * element. That path must be invisible: on every real report and on every
 * corrupted variant of them (the hardening corpus), parseReportBytes with
 * the lazy path forced gives exactly what parseReport gives on the text —
 * the same findings, or the same error message.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/core/files.js'
import { candidateFormats } from '../../src/gates/detect.js'
import { parseReport, parseReportBytes, REPORT_FORMATS, type ParsedReport, type ReportFormat } from '../../src/gates/parse.js'
import { reportVariants, type SourceFile } from '../support/corrupt.js'

const repo = resolve(import.meta.dirname, '../..')
const sharedDir = resolve(repo, '../shared/fixtures/reports')
const projectDirs = [resolve(repo, 'test/fixtures/reports'), resolve(repo, 'test/fixtures/gates')]

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && !e.name.endsWith('.md'))
    .map(e => join(e.parentPath, e.name))
    .sort()
}

function sources(): SourceFile[] {
  if (!existsSync(sharedDir)) console.warn(`lazy-parse equivalence: ${sharedDir} is absent, shared scanner reports SKIPPED (project fixtures only)`)
  const shared = listFiles(sharedDir).map(f => ({ label: `shared/${relative(sharedDir, f)}`, relPath: relative(sharedDir, f), bytes: readFileSync(f) }))
  const project = projectDirs.flatMap(dir => listFiles(dir).map(f => ({ label: `project/${relative(repo, f)}`, relPath: relative(resolve(repo, 'test/fixtures'), f), bytes: readFileSync(f) })))
  return [...shared, ...project]
}

type Outcome = { ok: ParsedReport } | { error: string }

function outcome(parse: () => ParsedReport): Outcome {
  try {
    return { ok: parse() }
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}

function viaText(bytes: Buffer, path: string, format?: ReportFormat): Outcome {
  return outcome(() => parseReport(decodeText(bytes, path), path, { format }))
}

let lazyReads = 0

function viaBytes(bytes: Buffer, path: string, format?: ReportFormat): Outcome {
  return outcome(() => parseReportBytes(bytes, path, { format, lazyMinBytes: 0, onRead: how => (lazyReads += how === 'lazy' ? 1 : 0) }))
}

function wrongFormatFor(bytes: Buffer, relPath: string): string | undefined {
  try {
    const candidates = candidateFormats(JSON.parse(bytes.toString('utf8')), relPath)
    return REPORT_FORMATS.find(f => f !== 'gitleaks-csv' && !candidates.includes(f))
  } catch {
    return 'trivy-json'
  }
}

describe('lazy reading of large reports gives exactly the whole-text result', () => {
  const all = sources()

  it('on every real report', () => {
    expect(all.length).toBeGreaterThan(20)
    lazyReads = 0
    for (const source of all) {
      expect(viaBytes(source.bytes, source.relPath), source.label).toEqual(viaText(source.bytes, source.relPath))
    }
    // Trivy, gitleaks, Semgrep, tfsec and SARIF reports really took the lazy way (the rest fell back, as designed).
    console.log(`lazy-parse equivalence: ${lazyReads} of ${all.length} real reports read lazily`)
    expect(lazyReads).toBeGreaterThan(all.length / 2)
  })

  it('on every corrupted variant of them (same findings or the same error)', () => {
    let variants = 0
    const differences: string[] = []
    for (const source of all) {
      for (const variant of reportVariants(source, wrongFormatFor(source.bytes, source.relPath))) {
        const flag = variant.args?.indexOf('--report-format') ?? -1
        const format = flag >= 0 ? (variant.args?.[flag + 1] as ReportFormat) : undefined
        const expected = viaText(variant.bytes, variant.relPath, format)
        const actual = viaBytes(variant.bytes, variant.relPath, format)
        variants++
        if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`${variant.id}: ${JSON.stringify(actual).slice(0, 200)} vs ${JSON.stringify(expected).slice(0, 200)}`)
      }
    }
    expect(differences).toEqual([])
    expect(variants).toBeGreaterThan(500)
  })

  it('on every real report written on one line (the layout Semgrep and other compact writers use)', () => {
    let lazy = 0
    let checked = 0
    for (const source of all) {
      let doc: unknown
      try {
        doc = JSON.parse(source.bytes.toString('utf8').replace(/^\uFEFF/, ''))
      } catch {
        continue
      }
      const compact = Buffer.from(JSON.stringify(doc))
      const actual = outcome(() => parseReportBytes(compact, source.relPath, { lazyMinBytes: 0, onRead: how => (lazy += how === 'lazy' ? 1 : 0) }))
      expect(actual, source.label).toEqual(viaText(compact, source.relPath))
      checked++
    }
    expect(checked).toBeGreaterThan(40)
    // The one-line search must not make them fall back: as many stay lazy as in the writers' own layout.
    expect(lazy).toBeGreaterThan(checked / 2)
    console.log(`lazy-parse equivalence: ${checked} reports on one line, ${lazy} of them read lazily`)
  })

  it('on every real report with a NUL byte put anywhere (a binary file is refused the same way)', () => {
    let checked = 0
    for (const source of all) {
      // Spread over the file: skeleton, inside strings of findings, between elements, the very end.
      for (const fraction of [0.1, 0.37, 0.5, 0.73, 0.99]) {
        const bytes = Buffer.from(source.bytes)
        const at = Math.min(bytes.length - 1, Math.floor(bytes.length * fraction))
        bytes[at] = 0
        expect(viaBytes(bytes, source.relPath), `${source.label} NUL at ${at}`).toEqual(viaText(bytes, source.relPath))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('on every real report re-indented oddly (closing lines that no longer tell the nesting)', () => {
    let lazy = 0
    let checked = 0
    for (const source of all) {
      const text = source.bytes.toString('utf8')
      if (!text.includes('\n  ')) continue
      // Every line moved to another indentation: the same JSON, but the walk's guesses about element ends go wrong.
      const widths = [2, 0, 5, 1, 3, 2, 4]
      const odd = Buffer.from(text.split('\n').map((line, k) => ' '.repeat(widths[k % widths.length] ?? 0) + line.trimStart()).join('\n'))
      const expected = viaText(odd, source.relPath)
      const actual = outcome(() => parseReportBytes(odd, source.relPath, { lazyMinBytes: 0, onRead: how => (lazy += how === 'lazy' ? 1 : 0) }))
      expect(actual, source.label).toEqual(expected)
      checked++
    }
    expect(checked).toBeGreaterThan(20)
    console.log(`lazy-parse equivalence: ${checked} re-indented reports, ${lazy} of them still read lazily`)
  })
})
