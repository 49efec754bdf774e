import picomatch from 'picomatch'
import type { Finding } from './finding.js'
import type { Report, ScanResult, Verdict } from './result.js'
import { atLeast, bySeverityDesc, emptyCounts, severityRank, SEVERITIES, type Severity, type Threshold } from './severity.js'
import { groupBy } from './group.js'

/** Blocking rules for one source (tool) or for everything. */
export interface Thresholds {
  /** Lowest severity that blocks; `none` = no severity blocks outright. */
  failOn: Threshold
  /** Per-severity budgets: more than N unsuppressed findings of that severity blocks, even below fail-on. */
  budgets?: Partial<Record<Severity, number>>
}

export interface Policy extends Thresholds {
  /** Per-source overrides, e.g. { gitleaks: { failOn: 'info' }, 'npm-audit': { failOn: 'critical' } }. */
  sources?: Record<string, Partial<Thresholds>>
  /** Only findings whose path matches these globs count (empty = all). */
  include?: string[]
  /** Findings whose path matches these globs are dropped. */
  exclude?: string[]
  /** Vulnerabilities without a fixed version are reported but never block. */
  ignoreUnfixed?: boolean
  /** Fingerprints from a baseline: findings in it are reported but never block. */
  baseline?: ReadonlySet<string>
}

export const DEFAULT_POLICY: Policy = { failOn: 'high' }

function thresholdsFor(policy: Policy, source: string): Thresholds {
  const override = policy.sources?.[source]
  return {
    failOn: override?.failOn ?? policy.failOn,
    // Global budgets are counted across sources below, not per source.
    budgets: override?.budgets ?? {}
  }
}

function pathFilter(policy: Policy): (path: string) => boolean {
  const include = policy.include?.length ? picomatch(policy.include, { dot: true }) : undefined
  const exclude = policy.exclude?.length ? picomatch(policy.exclude, { dot: true }) : undefined
  return path => (!include || include(path)) && !(exclude && exclude(path))
}

function canBlock(policy: Policy, finding: Finding): boolean {
  if (finding.suppressed) return false
  if (policy.ignoreUnfixed && finding.kind === 'vulnerability' && finding.fixAvailable === false) return false
  if (policy.baseline?.has(finding.fingerprint)) return false
  return true
}

/** Most severe first, then by path and line, so every reporter shows the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      bySeverityDesc(a.severity, b.severity) ||
      a.path.localeCompare(b.path) ||
      a.line - b.line ||
      a.ruleId.localeCompare(b.ruleId)
  )
}

/**
 * Applies the policy to a scan result. Any input error yields `error`: a gate
 * never passes on input it could not read. A scan that examined no input at
 * all is an error too, unless `allowEmpty` says that is expected.
 */
export function evaluate(result: ScanResult, basePolicy: Policy, options: { allowEmpty?: boolean } = {}): Report {
  const policy: Policy = result.known?.length
    ? { ...basePolicy, baseline: new Set([...(basePolicy.baseline ?? []), ...result.known]) }
    : basePolicy
  const keep = pathFilter(policy)
  const findings = sortFindings(result.findings.filter(f => keep(f.path)))
  const counts = emptyCounts()
  const blocking = new Set<string>()

  for (const finding of findings) {
    if (finding.suppressed) continue
    counts[finding.severity]++
    if (!canBlock(policy, finding)) continue
    const sources = finding.sources?.length ? finding.sources : [finding.source]
    // A finding reported by several tools blocks if any of their thresholds says so.
    if (sources.some(source => blocksBySeverity(thresholdsFor(policy, source).failOn, finding.severity))) {
      blocking.add(finding.fingerprint)
    }
  }
  const perSourceSeverity = groupBy(
    findings.filter(f => canBlock(policy, f)),
    f => `${f.source}\u0000${f.severity}`
  )

  // Budgets: over-budget findings of a severity all block.
  for (const [key, group] of perSourceSeverity) {
    const [source, severity] = key.split('\u0000') as [string, Severity]
    const budget = thresholdsFor(policy, source).budgets?.[severity]
    if (budget !== undefined && group.length > budget) group.forEach(f => blocking.add(f.fingerprint))
  }
  // Global budgets count across sources.
  for (const severity of SEVERITIES) {
    const budget = policy.budgets?.[severity]
    if (budget === undefined) continue
    const group = findings.filter(f => f.severity === severity && canBlock(policy, f))
    if (group.length > budget) group.forEach(f => blocking.add(f.fingerprint))
  }

  const errors = [...result.errors]
  if (result.inputs.length === 0 && errors.length === 0 && !options.allowEmpty) {
    errors.push({ path: '(inputs)', message: `${result.command}: no input was examined; refusing to pass on nothing` })
  }
  const verdict: Verdict = errors.length > 0 ? 'error' : blocking.size > 0 ? 'fail' : 'pass'
  return {
    command: result.command,
    verdict,
    counts,
    findings,
    errors,
    blocking: [...blocking],
    inputs: result.inputs,
    notices: result.notices ?? [],
    sections: result.sections ?? [],
    ...(result.outputs && { outputs: result.outputs })
  }
}

function blocksBySeverity(failOn: Threshold, severity: Severity): boolean {
  return failOn !== 'none' && atLeast(severity, failOn)
}

export { severityRank }
