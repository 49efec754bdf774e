import { ConfigError } from './errors.js'

/** The one severity scale of the whole product, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const

export type Severity = (typeof SEVERITIES)[number]

export type SeverityCounts = Record<Severity, number>

/** Higher number = more severe. */
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 }

export function severityRank(severity: Severity): number {
  return RANK[severity]
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold]
}

/** Sort helper: most severe first. */
export function bySeverityDesc(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a]
}

export function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
}

/**
 * A severity given by a user (input, flag, config). Strict: a typo must not
 * silently turn into a weaker gate. `none` means "never block on severity".
 */
export type Threshold = Severity | 'none'

export function parseThreshold(value: string, what: string): Threshold {
  const v = value.trim().toLowerCase()
  if (v === 'none' || v === 'never' || v === 'off') return 'none'
  if (isSeverity(v)) return v
  throw new ConfigError(`${what}: "${value}" is not a severity; use one of ${SEVERITIES.join(', ')} or none`)
}
