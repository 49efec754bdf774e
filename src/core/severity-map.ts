import { SEVERITIES, type Severity } from './severity.js'

/**
 * Every scanner's severity vocabulary mapped onto the product scale, as ONE
 * table. docs/severity-mapping.md is generated from it by
 * renderSeverityMappingDoc() and a test fails when the doc is stale.
 */
export type SeverityScheme =
  | 'trivy'
  | 'tfsec'
  | 'semgrep'
  | 'checkov'
  | 'npm-audit'
  | 'gitleaks'
  | 'sarif-level'
  | 'security-severity'
  | 'severity-word'

export interface SeverityMapping {
  scheme: SeverityScheme
  /** The tool's word as it writes it (matched case-insensitively), or a band such as ">= 9.0". */
  value: string
  severity: Severity
  /** Lower bound of a numeric band (scheme security-severity only). */
  min?: number
  note?: string
}

export const SEVERITY_TABLE: readonly SeverityMapping[] = [
  { scheme: 'trivy', value: 'CRITICAL', severity: 'critical' },
  { scheme: 'trivy', value: 'HIGH', severity: 'high' },
  { scheme: 'trivy', value: 'MEDIUM', severity: 'medium' },
  { scheme: 'trivy', value: 'LOW', severity: 'low' },
  { scheme: 'trivy', value: 'UNKNOWN', severity: 'info', note: 'not yet rated by any source' },
  { scheme: 'tfsec', value: 'CRITICAL', severity: 'critical' },
  { scheme: 'tfsec', value: 'HIGH', severity: 'high' },
  { scheme: 'tfsec', value: 'MEDIUM', severity: 'medium' },
  { scheme: 'tfsec', value: 'LOW', severity: 'low' },
  { scheme: 'tfsec', value: 'ERROR', severity: 'high', note: 'legacy tfsec (<= 0.3x)' },
  { scheme: 'tfsec', value: 'WARNING', severity: 'medium', note: 'legacy tfsec (<= 0.3x)' },
  { scheme: 'tfsec', value: 'INFO', severity: 'low', note: 'legacy tfsec (<= 0.3x)' },
  { scheme: 'semgrep', value: 'CRITICAL', severity: 'critical', note: 'new scale (about 1.7x and later)' },
  { scheme: 'semgrep', value: 'HIGH', severity: 'high', note: 'new scale' },
  { scheme: 'semgrep', value: 'MEDIUM', severity: 'medium', note: 'new scale' },
  { scheme: 'semgrep', value: 'LOW', severity: 'low', note: 'new scale' },
  { scheme: 'semgrep', value: 'ERROR', severity: 'high', note: 'same as its SARIF level error' },
  { scheme: 'semgrep', value: 'WARNING', severity: 'medium', note: 'same as its SARIF level warning' },
  { scheme: 'semgrep', value: 'INFO', severity: 'low', note: 'same as its SARIF level note' },
  { scheme: 'semgrep', value: 'INVENTORY', severity: 'info', note: 'inventory rules report facts, not problems' },
  { scheme: 'semgrep', value: 'EXPERIMENT', severity: 'info' },
  { scheme: 'checkov', value: 'CRITICAL', severity: 'critical' },
  { scheme: 'checkov', value: 'HIGH', severity: 'high' },
  { scheme: 'checkov', value: 'MEDIUM', severity: 'medium' },
  { scheme: 'checkov', value: 'LOW', severity: 'low' },
  { scheme: 'checkov', value: 'INFO', severity: 'info' },
  {
    scheme: 'checkov',
    value: 'null',
    severity: 'high',
    note: 'OSS checkov without a platform key; a failed check is level error in checkov’s own SARIF'
  },
  { scheme: 'npm-audit', value: 'critical', severity: 'critical' },
  { scheme: 'npm-audit', value: 'high', severity: 'high' },
  { scheme: 'npm-audit', value: 'moderate', severity: 'medium' },
  { scheme: 'npm-audit', value: 'low', severity: 'low' },
  { scheme: 'npm-audit', value: 'info', severity: 'info' },
  {
    scheme: 'gitleaks',
    value: '(none)',
    severity: 'critical',
    note: 'gitleaks writes no severity; the `secretSeverity` option (default critical) applies'
  },
  { scheme: 'sarif-level', value: 'error', severity: 'high' },
  { scheme: 'sarif-level', value: 'warning', severity: 'medium', note: 'also SARIF’s default when no level is given' },
  { scheme: 'sarif-level', value: 'note', severity: 'low' },
  { scheme: 'sarif-level', value: 'none', severity: 'info' },
  { scheme: 'security-severity', value: '>= 9.0', min: 9.0, severity: 'critical', note: 'GitHub code scanning bands' },
  { scheme: 'security-severity', value: '7.0 – 8.9', min: 7.0, severity: 'high' },
  { scheme: 'security-severity', value: '4.0 – 6.9', min: 4.0, severity: 'medium' },
  { scheme: 'security-severity', value: '0.1 – 3.9', min: 0.1, severity: 'low' },
  { scheme: 'security-severity', value: '< 0.1', min: Number.NEGATIVE_INFINITY, severity: 'info' },
  {
    scheme: 'severity-word',
    value: 'CRITICAL',
    severity: 'critical',
    note: 'a word where SARIF expects a number (Semgrep rule packs), or a Trivy bucket in rule tags'
  },
  { scheme: 'severity-word', value: 'HIGH', severity: 'high' },
  { scheme: 'severity-word', value: 'MEDIUM', severity: 'medium' },
  { scheme: 'severity-word', value: 'MODERATE', severity: 'medium' },
  { scheme: 'severity-word', value: 'LOW', severity: 'low' },
  { scheme: 'severity-word', value: 'INFO', severity: 'info' },
  { scheme: 'severity-word', value: 'UNKNOWN', severity: 'info' }
]

const WORDS = new Map<SeverityScheme, Map<string, Severity>>()
for (const row of SEVERITY_TABLE) {
  if (row.min !== undefined) continue
  let words = WORDS.get(row.scheme)
  if (!words) WORDS.set(row.scheme, (words = new Map()))
  words.set(row.value.toUpperCase(), row.severity)
}

/** Bands ordered from the highest lower bound down. */
const BANDS = SEVERITY_TABLE.filter(row => row.scheme === 'security-severity').sort(
  (a, b) => (b.min ?? 0) - (a.min ?? 0)
)

/** A tool's severity word on the product scale; undefined when the word is not in the table. */
export function mapSeverity(scheme: SeverityScheme, value: string): Severity | undefined {
  const words = WORDS.get(scheme)
  if (!words) return undefined
  return words.get(value) ?? words.get(value.toUpperCase())
}

/** GitHub's security-severity bands: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, >= 0.1 low, else info. */
export function securitySeverityBand(score: number): Severity {
  for (const band of BANDS) if (score >= (band.min ?? 0)) return band.severity
  return 'info'
}

/**
 * SARIF `security-severity`: a number, a numeric string, or (Semgrep rule
 * packs) a severity word. Undefined when it is none of these.
 */
export function securitySeverity(value: unknown): Severity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? securitySeverityBand(value) : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (text === '') return undefined
  const score = Number(text)
  if (Number.isFinite(score)) return securitySeverityBand(score)
  return mapSeverity('severity-word', text)
}

/** SARIF result level (error, warning, note, none); undefined for anything else. */
export function sarifLevelSeverity(level: string): Severity | undefined {
  return mapSeverity('sarif-level', level)
}

const SCHEME_TITLES: Record<SeverityScheme, string> = {
  trivy: 'Trivy (JSON `Severity`, SARIF rule tags)',
  tfsec: 'tfsec (JSON `severity`)',
  semgrep: 'Semgrep (JSON `extra.severity`)',
  checkov: 'checkov (JSON `severity`)',
  'npm-audit': 'npm audit (`severity`)',
  gitleaks: 'gitleaks',
  'sarif-level': 'SARIF `level` (result, then rule `defaultConfiguration`)',
  'security-severity': 'SARIF `properties.security-severity` (number)',
  'severity-word': 'Severity words in SARIF (`security-severity` that is not a number; Trivy rule tags)'
}

/** Markdown of docs/severity-mapping.md, generated from SEVERITY_TABLE. */
export function renderSeverityMappingDoc(): string {
  const lines: string[] = [
    '# Severity mapping',
    '',
    '<!-- Generated from SEVERITY_TABLE in src/core/severity-map.ts by renderSeverityMappingDoc(); do not edit by hand. -->',
    '',
    `Every scanner's own vocabulary is mapped onto one scale: ${SEVERITIES.join(' > ')}.`,
    'Words are matched case-insensitively. A word that is in none of these tables makes the report fail closed',
    '(an input error naming the file and the entry), except in SARIF, where an unknown `security-severity` falls',
    'back to the level.',
    '',
    'SARIF severity is resolved in this order:',
    '',
    '1. Trivy only: the Trivy bucket in the rule `tags` (CRITICAL, HIGH, …) wins over the CVSS score that Trivy puts',
    '   in `security-severity` for vulnerabilities, so the gate agrees with Trivy’s JSON output.',
    '2. gitleaks only: the `secretSeverity` option (gitleaks writes no level).',
    '3. `security-severity` of the result, else of the rule: a number uses GitHub’s bands, a word uses the word table.',
    '4. `level` of the result, else `defaultConfiguration.level` of the rule (rules are looked up by `ruleId`;',
    '   `ruleIndex` is used only when it points at a rule with the same id), else SARIF’s default `warning`.',
    ''
  ]
  const schemes = [...new Set(SEVERITY_TABLE.map(row => row.scheme))]
  for (const scheme of schemes) {
    lines.push(`## ${SCHEME_TITLES[scheme]}`, '', '| Tool value | Severity | Note |', '| --- | --- | --- |')
    for (const row of SEVERITY_TABLE) {
      if (row.scheme !== scheme) continue
      lines.push(`| \`${row.value}\` | ${row.severity} | ${row.note ?? ''} |`)
    }
    lines.push('')
  }
  lines.push(...COUNTING_NOTES)
  return lines.join('\n')
}

/** How `gates` counts findings per format: documented next to the table because both decide what blocks. */
const COUNTING_NOTES: readonly string[] = [
  '## What counts as one finding',
  '',
  '- Trivy JSON: each `Vulnerabilities[]` entry (one per package and advisory: the same CVE on two packages is two',
  '  findings), each `Misconfigurations[]` entry with `Status` FAIL (PASS is ignored, EXCEPTION counts as suppressed by',
  '  the tool), each `Secrets[]` and `Licenses[]` entry, over all `Results` (and `Resources[].Results` of `trivy k8s`).',
  '  SchemaVersion 2 and the pre-0.20 top-level array are read; any other SchemaVersion and the old `trivy k8s`',
  '  summary shape are input errors.',
  '- SARIF: each `runs[].results[]` entry, except results the tool suppressed (`suppressions` with a status other than',
  '  rejected/underReview — e.g. checkov’s skipped checks) and results with `baselineState` absent; they are counted in',
  '  `suppressed`. A run whose `invocations[].executionSuccessful` is false is an input error.',
  '- gitleaks: each leak (JSON array element or CSV data row).',
  '- Semgrep JSON: each `results[]` entry; entries with `extra.is_ignored` (nosemgrep) count as suppressed.',
  '- tfsec JSON: each `results[]` entry whose `status` is 0/"failed" or absent; 1/"passed" is ignored, 2/"ignored"',
  '  counts as suppressed. The legacy boolean `passed` is not trusted.',
  '- checkov JSON: each `results.failed_checks[]` entry of every framework report (the arrays, not the summary);',
  '  `skipped_checks` count as suppressed. A bare summary that counts failed checks it does not list is an input error.',
  '- npm audit v2: one finding per package per advisory object in its `via`; a package listed only because it depends',
  '  on a vulnerable package (its `via` holds only names) adds no finding of its own, so the total can be lower than',
  '  npm’s own count of packages. npm 6 (`advisories`): one finding per advisory per installed version. `{"error": …}`',
  '  is an input error.',
  '- Clean shapes are zero findings: `null`, `[]`, missing keys, `{"results": null}`, `runs: []`, a Trivy report',
  '  without `Results` or a Result without `Vulnerabilities`, a bare checkov summary.',
  '',
  'Fingerprints never include the line number: vulnerabilities use advisory + package + installed version + target,',
  'misconfigurations rule + file + resource, secrets rule + file + the secret (hashed, never shown), SAST rule + file +',
  'matched code. When two findings of one report share them, the later ones get an occurrence number (not for',
  'vulnerabilities: the same advisory, package, version and target twice is one finding).',
  ''
]
