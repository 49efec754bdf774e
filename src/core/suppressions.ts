import picomatch from 'picomatch'
import { fingerprintOf, type Finding } from './finding.js'
import { ruleDocsUrl } from './rule.js'

/** One `suppressions:` entry of the config file. */
export interface SuppressionEntry {
  /** Rule id or glob (CVE-2023-*, CL-DF-008). */
  rule?: string
  /** Source / tool name (trivy, gitleaks, container-lint…). */
  tool?: string
  /** Path glob. */
  path?: string
  reason: string
  /** ISO date (YYYY-MM-DD); the suppression stops working after this day. */
  expires?: string
  /** Where it was written, for messages: file and line. */
  file?: string
  line?: number
}

export interface SuppressionOutcome {
  findings: Finding[]
  notices: string[]
}

function matcher(glob: string | undefined): (value: string) => boolean {
  if (!glob) return () => true
  const m = picomatch(glob, { dot: true, nocase: false })
  return value => value === glob || m(value)
}

function isExpired(entry: SuppressionEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today
}

function describe(entry: SuppressionEntry): string {
  const what = [entry.tool && `tool ${entry.tool}`, entry.rule && `rule ${entry.rule}`, entry.path && `path ${entry.path}`]
    .filter(Boolean)
    .join(', ')
  const where = entry.file ? `${entry.file}${entry.line ? `:${entry.line}` : ''}` : 'config'
  return `suppression (${what || 'everything'}) at ${where}`
}

/**
 * Marks findings matched by an unexpired entry as suppressed. An expired entry
 * no longer suppresses and says so; an entry that matched nothing becomes a
 * low finding so stale suppressions get cleaned up.
 */
export interface StalenessScope {
  /** Tools that ran: an unused entry naming one of them is stale. */
  ranSources: readonly string[]
  /** Whether every part ran (`all`): only then is an entry without `tool` judged stale. */
  everything: boolean
}

export function applySuppressions(
  findings: Finding[],
  entries: SuppressionEntry[],
  today = isoToday(),
  scope: StalenessScope = { ranSources: [], everything: true }
): SuppressionOutcome {
  const notices: string[] = []
  const compiled = entries.map(entry => ({
    entry,
    expired: isExpired(entry, today),
    rule: matcher(entry.rule),
    tool: matcher(entry.tool),
    path: matcher(entry.path),
    hits: 0
  }))
  const out = findings.map(finding => {
    if (finding.suppressed) return finding
    const sources = finding.sources?.length ? finding.sources : [finding.source]
    for (const c of compiled) {
      if (!c.rule(finding.ruleId) || !sources.some(s => c.tool(s)) || !c.path(finding.path)) continue
      c.hits++
      if (c.expired) continue
      return { ...finding, suppressed: { reason: c.entry.reason, origin: describe(c.entry), expires: c.entry.expires } }
    }
    return finding
  })
  const extra: Finding[] = []
  for (const c of compiled) {
    if (c.expired && c.hits > 0) {
      notices.push(`${describe(c.entry)} expired on ${c.entry.expires} and no longer suppresses ${c.hits} finding(s)`)
    } else if (c.expired) {
      notices.push(`${describe(c.entry)} expired on ${c.entry.expires}`)
    }
    // A trivy suppression is not stale because container-lint ran without trivy.
    const inScope = c.entry.tool ? scope.ranSources.some(s => c.tool(s)) : scope.everything
    if (c.hits === 0 && inScope) extra.push(unusedSuppression(c.entry))
  }
  return { findings: [...out, ...extra], notices }
}

function unusedSuppression(entry: SuppressionEntry): Finding {
  const file = entry.file ?? '.github/deploy-gates.yml'
  return {
    source: 'deploy-gates',
    ruleId: 'DG-CFG-001',
    ruleName: 'unused-suppression',
    severity: 'low',
    title: 'Suppression matched no finding',
    message: `The ${describe(entry)} matched no finding; remove it so it cannot hide a future one.`,
    path: file,
    line: entry.line ?? 1,
    fingerprint: fingerprintOf('DG-CFG-001', file, entry.tool, entry.rule, entry.path),
    helpUri: ruleDocsUrl('deploy-gates', 'DG-CFG-001'),
    kind: 'policy'
  }
}

export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}
