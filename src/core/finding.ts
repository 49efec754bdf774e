import { hash } from 'node:crypto'
import type { Severity } from './severity.js'

export const FINDING_KINDS = ['vulnerability', 'misconfiguration', 'secret', 'sast', 'license', 'policy'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export interface Suppression {
  reason: string
  /** Where the suppression came from: config file entry, inline comment, baseline. */
  origin: string
  expires?: string
}

/** One problem found by a scanner or by one of our rules. */
export interface Finding {
  /** Tool or rule set that reported it: trivy, gitleaks, container-lint, oidc-guard… */
  source: string
  /** Every source that reported the same finding (after dedupe); starts as [source]. */
  sources?: readonly string[]
  ruleId: string
  ruleName: string
  severity: Severity
  title: string
  message: string
  /** Repository-relative path with forward slashes; for image findings the artifact/target. */
  path: string
  /** 1-based; 1 when the tool gives no line. */
  line: number
  endLine?: number
  column?: number
  /** Stable across runs and unrelated line shifts. */
  fingerprint: string
  helpUri: string
  kind: FindingKind
  suppressed?: Suppression
  /** A concrete fix, when known. */
  fix?: string
  /** Vulnerabilities: whether a fixed version exists (undefined = unknown). */
  fixAvailable?: boolean
  /** Tool-specific facts worth keeping (package, installed version, CVSS…). */
  properties?: Record<string, string | number | boolean>
}

/** sha256 over the identity parts of a finding, never over its line number. */
export function fingerprintOf(...parts: Array<string | number | undefined>): string {
  // One-shot hash: about 3x faster than createHash per finding, same digest.
  let input = ''
  for (const part of parts) input += `${part ?? ''}\u0000`
  return sha256Hex128(input)
}

/**
 * The first 128 bits of sha256(input) in hex. Encoded from the digest bytes,
 * not sliced from the full hex: a slice would keep the 64-character string
 * alive behind every finding (V8 shares the text of long slices).
 */
export function sha256Hex128(input: string): string {
  // The digest as a latin1 ('binary') string, hex-encoded here into one flat string: a Buffer round trip costs more than the hash.
  const digest = hash('sha256', input, 'binary')
  for (let k = 0; k < 16; k++) {
    const byte = digest.charCodeAt(k)
    hexCodes[2 * k] = HEX_DIGITS[byte >> 4] as number
    hexCodes[2 * k + 1] = HEX_DIGITS[byte & 15] as number
  }
  return String.fromCharCode.apply(null, hexCodes)
}

const HEX_DIGITS = Array.from('0123456789abcdef', digit => digit.charCodeAt(0))
/** Reused for every fingerprint: 32 character codes. */
const hexCodes: number[] = new Array<number>(32).fill(0)

const SHARED_SOURCES = new Map<string, readonly string[]>()

/** `[source]` as one frozen array per tool, shared by all its findings (dedupe builds new arrays, never edits). */
export function sourcesOf(source: string): readonly string[] {
  let sources = SHARED_SOURCES.get(source)
  if (sources === undefined) SHARED_SOURCES.set(source, (sources = Object.freeze([source])))
  return sources
}

/** Normalises a path to forward slashes without a leading "./". */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
}
