import type { DeployGatesConfig } from './config.js'
import { evaluate, type Policy } from './policy.js'
import type { Report, ScanResult } from './result.js'
import { ConfigError } from './errors.js'
import { isSeverity, type Severity, type Threshold } from './severity.js'
import { applySuppressions } from './suppressions.js'

export interface PolicyOverrides {
  /** From a CLI flag or action input; wins over the config file. */
  failOn?: Threshold
  /** Per-severity budgets; merged over the config file's. */
  budgets?: Partial<Record<Severity, number>>
  ignoreUnfixed?: boolean
  baseline?: ReadonlySet<string>
}

export function policyFrom(config: DeployGatesConfig, overrides: PolicyOverrides = {}): Policy {
  const policy = config.policy()
  return {
    ...policy,
    ...(overrides.failOn !== undefined && { failOn: overrides.failOn }),
    ...(overrides.budgets && { budgets: { ...policy.budgets, ...overrides.budgets } }),
    ...(overrides.ignoreUnfixed !== undefined && { ignoreUnfixed: overrides.ignoreUnfixed || policy.ignoreUnfixed }),
    ...(overrides.baseline && { baseline: overrides.baseline })
  }
}

/** ScanResult → Report: config suppressions, then policy. The one path every caller takes. */
export function finalize(scan: ScanResult, config: DeployGatesConfig, overrides: PolicyOverrides = {}, today?: string): Report {
  const entries = config.suppressions()
  // No entries: applySuppressions would copy every finding unchanged and add no notice.
  const { findings, notices } = entries.length > 0
      ? applySuppressions(scan.findings, entries, today, { ranSources: scan.sources ?? [scan.command], everything: scan.command === 'all' })
      : { findings: scan.findings, notices: [] }
  return evaluate({ ...scan, findings, notices: [...(scan.notices ?? []), ...notices] }, policyFrom(config, overrides))
}

/** Combines several capabilities' results into one (the `all` command and the root action). */
export function mergeResults(command: string, results: ScanResult[]): ScanResult {
  return {
    command,
    findings: results.flatMap(r => r.findings),
    errors: results.flatMap(r => r.errors),
    inputs: results.flatMap(r => r.inputs),
    sections: results.flatMap(r => (r.sections ?? []).map(s => ({ ...s, title: `${r.command}: ${s.title}` }))),
    notices: results.flatMap(r => (r.notices ?? []).map(n => `${r.command}: ${n}`)),
    outputs: Object.assign({}, ...results.map(r => r.outputs ?? {})) as Record<string, string>,
    known: results.flatMap(r => r.known ?? []),
    sources: results.flatMap(r => r.sources ?? [r.command])
  }
}

/**
 * Budgets from an input or flag: `critical=0,high=3`. A negative number
 * means "no budget" (the reusable workflow's default of -1).
 */
export function parseBudgets(text: string, what: string): Partial<Record<Severity, number>> | undefined {
  const budgets: Partial<Record<Severity, number>> = {}
  for (const part of text.split(/[\n,]/).map(s => s.trim()).filter(Boolean)) {
    const match = /^([a-z]+)\s*[=:]\s*(-?\d+)$/i.exec(part)
    const severity = match?.[1]?.toLowerCase()
    if (!match || !isSeverity(severity)) throw new ConfigError(`${what}: "${part}" is not severity=number (e.g. high=3)`)
    const n = Number(match[2])
    if (n >= 0) budgets[severity] = n
  }
  return Object.keys(budgets).length ? budgets : undefined
}
