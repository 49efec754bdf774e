import type { Finding } from './finding.js'
import type { SeverityCounts } from './severity.js'

export type Verdict = 'pass' | 'fail' | 'error'

/** A file or input that could not be processed. Any one of these makes the verdict `error`. */
export interface InputError {
  path: string
  message: string
}

/** What a capability returns before policy is applied. */
export interface ScanResult {
  command: string
  findings: Finding[]
  errors: InputError[]
  /** Files (or other inputs) actually examined; zero examined inputs is an error unless allowed. */
  inputs: string[]
  /** Extra markdown sections for the job summary (inventory tables, drill timings…). */
  sections?: Array<{ title: string; markdown: string }>
  /** Notices that are neither findings nor errors (expired suppressions, skipped files…). */
  notices?: string[]
  /** Extra action outputs (non-secret), e.g. verified token claims. */
  outputs?: Record<string, string>
  /** Fingerprints already known from a baseline: reported, never blocking. */
  known?: string[]
  /** Tools whose output was read (gates: every report's tool); default [command]. */
  sources?: string[]
}

/** The JSON contract printed by `--format json` and written to `result-file`. */
export interface Report {
  command: string
  verdict: Verdict
  counts: SeverityCounts
  findings: Finding[]
  errors: InputError[]
  /** Fingerprints of the findings that block (subset of findings). */
  blocking: string[]
  inputs: string[]
  notices: string[]
  sections: Array<{ title: string; markdown: string }>
  outputs?: Record<string, string>
}

export const EXIT_CODES: Record<Verdict, number> = { pass: 0, fail: 1, error: 2 }
