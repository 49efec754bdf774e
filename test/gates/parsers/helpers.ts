import { readFileSync } from 'node:fs'
import type { Finding } from '../../../src/core/finding.js'
import { parseReport, type ParseOptions, type ParsedReport } from '../../../src/gates/parse.js'

/** The project's own small fixtures (test/fixtures/reports). */
export function ownFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8')
}

export function parseOwn(name: string, options?: ParseOptions): ParsedReport {
  return parseReport(ownFixture(name), `test/fixtures/reports/${name}`, options)
}

export function severityCounts(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1
  return counts
}

/** The InputFileError message of a parse that must fail, or the string "no error". */
export function parseError(text: string, path = 'report.json', options?: ParseOptions): string {
  try {
    parseReport(text, path, options)
  } catch (error) {
    if (error instanceof Error && error.name === 'InputFileError') return error.message
    throw error
  }
  return 'no error'
}
