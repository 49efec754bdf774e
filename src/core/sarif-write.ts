import { gzipSync } from 'node:zlib'
import type { Finding } from './finding.js'
import { severityRank, type Severity } from './severity.js'
import { groupBy } from './group.js'

/** GitHub code scanning limits for one uploaded file. */
export const SARIF_LIMITS = { resultsPerRun: 25_000, runsPerFile: 20, gzipBytes: 10 * 1024 * 1024 } as const

export const FINGERPRINT_KEY = 'deployGates/v1'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** Mid-band scores so GitHub shows the same severity we decided on. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0'
}

export interface SarifWriteOptions {
  toolVersion: string
  /** Prefix for runAutomationDetails.id, one category per source. */
  category?: string
  limits?: { resultsPerRun: number; runsPerFile: number; gzipBytes: number }
}

export interface SarifOutput {
  log: SarifLog
  /** What had to be left out to fit the limits (also stated in the summary). */
  truncated: string[]
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  helpUri: string
  defaultConfiguration: { level: 'error' | 'warning' | 'note' }
  properties: { 'security-severity': string; tags: string[] }
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: 'error' | 'warning' | 'note'
  message: { text: string }
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string }
      region: { startLine: number; endLine?: number; startColumn?: number }
    }
  }>
  partialFingerprints: Record<string, string>
  properties: Record<string, string | number | boolean | string[]>
  suppressions?: Array<{ kind: 'external' | 'inSource'; justification: string }>
}

export interface SarifRun {
  tool: { driver: { name: string; informationUri: string; version: string; rules: SarifRule[] } }
  automationDetails: { id: string }
  results: SarifResult[]
}

/** A URI as code scanning expects: relative, forward slashes, percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map(segment => encodeURIComponent(segment))
    .join('/')
}

function buildRun(source: string, findings: Finding[], options: SarifWriteOptions, limit: number): SarifRun {
  const rules: SarifRule[] = []
  const ruleIndex = new Map<string, number>()
  const results: SarifResult[] = []
  for (const f of findings.slice(0, limit)) {
    let index = ruleIndex.get(f.ruleId)
    if (index === undefined) {
      index = rules.length
      ruleIndex.set(f.ruleId, index)
      rules.push({
        id: f.ruleId,
        name: f.ruleName || f.ruleId,
        shortDescription: { text: f.title || f.ruleId },
        helpUri: f.helpUri,
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { 'security-severity': SECURITY_SEVERITY[f.severity], tags: ['security', f.kind] }
      })
    } else if (severityRank(f.severity) > severityRank(levelToSeverity(rules[index]!))) {
      // A rule's metadata reflects its most severe result.
      rules[index]!.defaultConfiguration.level = LEVEL[f.severity]
      rules[index]!.properties['security-severity'] = SECURITY_SEVERITY[f.severity]
    }
    const region: SarifResult['locations'][number]['physicalLocation']['region'] = { startLine: Math.max(1, f.line) }
    if (f.endLine && f.endLine >= region.startLine) region.endLine = f.endLine
    if (f.column && f.column > 0) region.startColumn = f.column
    // The rule's score is its most severe result's; each result carries its own so that a
    // reader (ours included) does not raise a low result to the rule's critical.
    const properties: SarifResult['properties'] = { severity: f.severity, kind: f.kind, ...f.properties, 'security-severity': SECURITY_SEVERITY[f.severity] }
    if (f.sources && f.sources.length > 1) properties.sources = [...f.sources]
    results.push({
      ruleId: f.ruleId,
      ruleIndex: index,
      level: LEVEL[f.severity],
      message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message || f.title },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.path) }, region } }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties,
      ...(f.suppressed && { suppressions: [{ kind: 'external' as const, justification: f.suppressed.reason }] })
    })
  }
  return {
    tool: {
      driver: {
        name: source,
        informationUri: 'https://github.com/deploy-gates/deploy-gates',
        version: options.toolVersion,
        rules
      }
    },
    automationDetails: { id: `${options.category ?? 'deploy-gates'}/${source}/` },
    results
  }
}

function levelToSeverity(rule: SarifRule): Severity {
  const score = Number(rule.properties['security-severity'])
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'info'
}

/**
 * Merged SARIF for code scanning: one run per source, most severe findings
 * first, cut to fit GitHub's limits. Everything cut is listed in `truncated`.
 */
export function toSarif(findings: Finding[], options: SarifWriteOptions): SarifOutput {
  const limits = options.limits ?? SARIF_LIMITS
  const truncated: string[] = []
  const bySource = groupBy(findings, f => f.source)
  // Most severe sources first, so a cut drops the least important runs.
  const sources = [...bySource.entries()].sort(
    (a, b) => severityRank(b[1][0]!.severity) - severityRank(a[1][0]!.severity) || a[0].localeCompare(b[0])
  )
  if (sources.length > limits.runsPerFile) {
    const dropped = sources.splice(limits.runsPerFile)
    truncated.push(`${dropped.length} source(s) left out (at most ${limits.runsPerFile} runs per file): ${dropped.map(d => d[0]).join(', ')}`)
  }
  // Start from the largest run actually present, so halving cuts at once.
  let perRun = Math.min(limits.resultsPerRun, Math.max(1, ...sources.map(([, list]) => list.length)))
  for (;;) {
    const runs = sources.map(([source, list]) => buildRun(source, list, options, perRun))
    const log: SarifLog = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }
    const size = gzipSync(JSON.stringify(log)).length
    if (size <= limits.gzipBytes || perRun <= 1) {
      for (const [source, list] of sources) {
        if (list.length > perRun) truncated.push(`${source}: ${list.length - perRun} least severe result(s) left out to fit the limits`)
      }
      return { log, truncated }
    }
    perRun = Math.floor(perRun / 2)
  }
}
