import picomatch from 'picomatch'
import type { Finding } from './finding.js'
import type { Report, ScanResult, Verdict } from './result.js'
import { atLeast, emptyCounts, severityRank, SEVERITIES, type Severity, type Threshold } from './severity.js'
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

/** Within one severity: by path, line and rule id. */
function byPlace(a: Finding, b: Finding): number {
  return (
    (a.path === b.path ? 0 : a.path.localeCompare(b.path)) ||
    a.line - b.line ||
    (a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId))
  )
}

/**
 * Most severe first, then by path and line, so every reporter shows the same order.
 * One stable pass into severity buckets, then each bucket sorted by place: the
 * same order as one sort on (severity, path, line, rule id), with fewer and
 * cheaper comparisons. localeCompare stays (it fixes the order users see);
 * equal strings — most pairs in a large image report — skip it.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const buckets: Finding[][] = SEVERITIES.map(() => [])
  for (const finding of findings) {
    const bucket = buckets[SEVERITIES.length - 1 - severityRank(finding.severity)]
    // A severity off the scale (only possible through a cast) keeps the old single sort.
    if (!bucket) return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || byPlace(a, b))
    bucket.push(finding)
  }
  const sorted: Finding[] = []
  for (const bucket of buckets) {
    bucket.sort(byPlace)
    for (const finding of bucket) sorted.push(finding)
  }
  return sorted
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
  const keep = policy.include?.length || policy.exclude?.length ? pathFilter(policy) : undefined
  const findings = sortFindings(keep ? result.findings.filter(f => keep(f.path)) : result.findings)
  const counts = emptyCounts()
  const blocking = new Set<string>()
  // Config files always give a sources object, usually empty: then every source uses policy.failOn.
  const overrides = policy.sources && Object.keys(policy.sources).length > 0 ? policy.sources : undefined

  for (const finding of findings) {
    if (finding.suppressed) continue
    counts[finding.severity]++
    if (!canBlock(policy, finding)) continue
    // A finding reported by several tools blocks if any of their thresholds says so.
    const blocks = overrides
      ? (finding.sources?.length ? finding.sources : [finding.source]).some(source =>
          blocksBySeverity(thresholdsFor(policy, source).failOn, finding.severity)
        )
      : blocksBySeverity(policy.failOn, finding.severity)
    if (blocks) blocking.add(finding.fingerprint)
  }

  // Budgets: over-budget findings of a severity all block. Per-source budgets exist only in source overrides.
  const hasSourceBudgets = overrides !== undefined && Object.values(overrides).some(o => o?.budgets !== undefined)
  if (hasSourceBudgets) {
    const perSourceSeverity = groupBy(
      findings.filter(f => canBlock(policy, f)),
      f => `${f.source}\u0000${f.severity}`
    )
    for (const [key, group] of perSourceSeverity) {
      const [source, severity] = key.split('\u0000') as [string, Severity]
      const budget = thresholdsFor(policy, source).budgets?.[severity]
      if (budget !== undefined && group.length > budget) group.forEach(f => blocking.add(f.fingerprint))
    }
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
