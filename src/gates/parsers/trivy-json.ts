/**
 * Trivy `--format json`: SchemaVersion 2 (Trivy >= 0.20), the pre-0.20 array
 * of Results, and `trivy k8s` reports with `Resources[]` (or `Findings[]`).
 * A key Trivy does not write that holds findings-like data is an error, so a
 * renamed findings array never reads as clean. One finding per
 * vulnerability entry (package × advisory), per misconfiguration with Status
 * FAIL, per secret and per license entry.
 */
import { sourcesOf, type Finding } from '../../core/finding.js'
import type { Severity } from '../../core/severity.js'
import { mapSeverity } from '../../core/severity-map.js'
import { isList, type JsonList } from '../../core/lazy-json.js'
import { FingerprintSet, StringPool, elementObj, fail, isObj, optArray, optObj, reqStr, str, strOf, lineNumber, type Obj, cleanPath } from './fields.js'
import { advisoryUrl, type ParserOutput } from './types.js'

const TRIVY_DOCS = 'https://trivy.dev/latest/docs/'

export function parseTrivyJson(doc: unknown): ParserOutput {
  const out: Finding[] = []
  const fingerprints = new FingerprintSet()
  const pool = new StringPool()
  let suppressed = 0
  const readResults = (results: JsonList | undefined, where: string, prefix: string): void => {
    if (!results) return
    for (let i = 0; i < results.length; i++) {
      suppressed += readResult(elementObj(results, i, where), `${where}[${i}]`, prefix, out, fingerprints, pool)
    }
  }

  // null: pre-0.20 Trivy with nothing found.
  if (doc === null) return { tool: 'trivy', findings: out, suppressed }
  if (isList(doc)) {
    readResults(doc, '', '')
    return { tool: 'trivy', findings: out, suppressed }
  }
  if (!isObj(doc)) fail('a Trivy report must be an object, an array of Results (before 0.20) or null')
  checkUnknownKeys(doc, 'ClusterName' in doc && !('Results' in doc) ? K8S_REPORT_KEYS : REPORT_KEYS, '', 'top level', true)

  if ('ClusterName' in doc && !('Results' in doc)) {
    // `trivy k8s --format json`: Resources[] with --report all, Findings[] (the same resources, merged) with --report summary.
    const lists = (['Resources', 'Findings'] as const).flatMap(key => {
      const list = optArray(doc, key, '')
      return list ? [[key, list] as const] : []
    })
    if (lists.length === 0) {
      if (isList(doc.Vulnerabilities) || isList(doc.Misconfigurations)) {
        fail('this is the old `trivy k8s` summary shape (ClusterName with Vulnerabilities/Misconfigurations); re-run with a Trivy that writes Resources[], or scan images and manifests directly')
      }
      return { tool: 'trivy', findings: out, suppressed }
    }
    for (const [key, resources] of lists) {
      for (let r = 0; r < resources.length; r++) {
        const at = `${key}[${r}]`
        const resource = elementObj(resources, r, key)
        checkUnknownKeys(resource, RESOURCE_KEYS, at, 'resource level', false)
        const name = [str(resource, 'Namespace'), str(resource, 'Kind'), str(resource, 'Name')].filter(Boolean).join('/')
        readResults(optArray(resource, 'Results', at), `${at}.Results`, name)
      }
    }
    return { tool: 'trivy', findings: out, suppressed }
  }

  const version = doc.SchemaVersion
  if (version !== 2) {
    fail(
      version === undefined
        ? 'Trivy report has no SchemaVersion (supported: SchemaVersion 2, and the pre-0.20 top-level array)'
        : `unsupported Trivy SchemaVersion ${JSON.stringify(version)} (supported: 2, and the pre-0.20 top-level array)`
    )
  }
  readResults(optArray(doc, 'Results', ''), 'Results', '')
  return { tool: 'trivy', findings: out, suppressed }
}

/** Trivy's own upper-case words, looked up without mapSeverity's case folding (the common case). */
const TRIVY_SEVERITY: ReadonlyMap<string, Severity> = new Map(
  (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const).flatMap(word => {
    const severity = mapSeverity('trivy', word)
    return severity ? [[word, severity] as const] : []
  })
)

function severityOf(entry: Obj, where: string): Severity {
  const value = entry.Severity
  if (typeof value !== 'string') fail(`${where}.Severity is missing`)
  const severity = mapSeverity('trivy', value)
  if (!severity) fail(`${where}.Severity ${JSON.stringify(value)} is not a Trivy severity (CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN)`)
  return severity
}

/**
 * Keys Trivy writes (pkg/types/report.go Report and Result, pkg/k8s/report
 * Report and Resource, the pre-0.20 array, the old k8s summary), checked
 * against the real reports in the fixtures. Any other key holding findings
 * is a renamed or unsupported shape: ignoring it would turn a blocking
 * report into "nothing detected".
 */
const REPORT_KEYS: ReadonlySet<string> = new Set([
  'SchemaVersion',
  'Trivy',
  'ReportID',
  'CreatedAt',
  'ArtifactID',
  'ArtifactName',
  'ArtifactType',
  'Metadata',
  'Results'
])

/** trivy k8s (--report all / --report summary, and the old summary shape): only with ClusterName. */
const K8S_REPORT_KEYS: ReadonlySet<string> = new Set(['SchemaVersion', 'ClusterName', 'Resources', 'Findings', 'Vulnerabilities', 'Misconfigurations'])

const RESOURCE_KEYS: ReadonlySet<string> = new Set(['Namespace', 'Kind', 'Name', 'Metadata', 'Results', 'Error'])

const RESULT_KEYS: ReadonlySet<string> = new Set([
  'Target',
  'Class',
  'Type',
  'Packages',
  'Vulnerabilities',
  'MisconfSummary',
  'Misconfigurations',
  'Secrets',
  'Licenses',
  'CustomResources',
  'ModifiedFindings',
  'ExperimentalModifiedFindings'
])

/**
 * Fails on an unknown key holding a non-empty array (or, where `objects`,
 * a non-empty object): scalars and empty containers cannot hide findings.
 */
function checkUnknownKeys(obj: Obj, known: ReadonlySet<string>, where: string, label: string, objects: boolean): void {
  for (const key in obj) {
    if (known.has(key) || !Object.hasOwn(obj, key)) continue
    const value = obj[key]
    const hides = isList(value) ? value.length > 0 : objects && isObj(value) && Object.keys(value).length > 0
    if (hides) fail(`${where ? `${where}: ` : ''}unknown key ${JSON.stringify(key)} at the ${label} (renamed or unsupported Trivy output?)`)
  }
}

function readResult(result: Obj, where: string, prefix: string, out: Finding[], fingerprints: FingerprintSet, pool: StringPool): number {
  checkUnknownKeys(result, RESULT_KEYS, where, 'Result level', false)
  // Target is where every finding of the Result lives: present but not a string is a damaged report.
  const targetValue = result.Target
  if (targetValue !== undefined && targetValue !== null && typeof targetValue !== 'string') {
    fail(`${where}.Target must be a string, found ${Array.isArray(targetValue) ? 'an array' : typeof targetValue}`)
  }
  const rawTarget = str(result, 'Target') ?? ''
  const target = prefix ? (rawTarget ? `${prefix}: ${rawTarget}` : prefix) : cleanPath(rawTarget)
  let suppressed = 0

  const vulnerabilities = optArray(result, 'Vulnerabilities', where)
  if (vulnerabilities) {
    // The hot loop of large image reports: the "where" text for error messages is only built on error.
    const list = `${where}.Vulnerabilities`
    for (let i = 0; i < vulnerabilities.length; i++) {
      const v = elementObj(vulnerabilities, i, list)
      const rawId = v.VulnerabilityID
      const id = typeof rawId === 'string' && rawId !== '' ? rawId : reqStr(v, 'VulnerabilityID', `${list}[${i}]`)
      const rawPkg = v.PkgName
      const pkg = pool.get(typeof rawPkg === 'string' && rawPkg !== '' ? rawPkg : reqStr(v, 'PkgName', `${list}[${i}]`))
      const installed = pool.get(strOf(v.InstalledVersion) ?? '')
      const fixedVersion = pool.get(strOf(v.FixedVersion) ?? '')
      const pkgPath = strOf(v.PkgPath)
      // Kept for every finding of a large image report: repeated texts pooled, nothing that only Trivy reads
      // (its own Fingerprint; ours is line-independent already).
      const properties: Record<string, string | number | boolean> = { package: pkg, installedVersion: installed }
      if (fixedVersion) properties.fixedVersion = fixedVersion
      if (pkgPath) properties.pkgPath = pkgPath
      const status = pool.opt(strOf(v.Status))
      if (status) properties.status = status
      const cvss = cvssScore(v)
      if (cvss !== undefined) properties.cvss = cvss
      const title = pool.opt(strOf(v.Title))
      const severityWord = v.Severity
      const severity = (typeof severityWord === 'string' && TRIVY_SEVERITY.get(severityWord)) || severityOf(v, `${list}[${i}]`)
      out.push({
        source: 'trivy',
        sources: sourcesOf('trivy'),
        ruleId: id,
        ruleName: id,
        severity,
        title: title || id,
        // Trivy's own SARIF wording; the title is beside it (annotation title, SARIF rule), not repeated in
        // every kept message. One flat string (join), not a tree of concatenations.
        message: [pkg, installed ? ' ' : '', installed, ' is affected by ', id].join(''),
        path: target,
        line: 1,
        endLine: undefined,
        column: undefined,
        fingerprint: fingerprints.same('vulnerability', id, pkg, installed, target, pkgPath),
        helpUri: pool.opt(strOf(v.PrimaryURL)) || advisoryUrl(id) || `${TRIVY_DOCS}scanner/vulnerability/`,
        kind: 'vulnerability',
        fix: fixedVersion ? ['Upgrade ', pkg, ' to ', fixedVersion].join('') : undefined,
        fixAvailable: fixedVersion !== '',
        properties
      })
    }
  }

  const misconfigurations = optArray(result, 'Misconfigurations', where)
  if (misconfigurations) {
    for (let i = 0; i < misconfigurations.length; i++) {
      const at = `${where}.Misconfigurations[${i}]`
      const m = elementObj(misconfigurations, i, `${where}.Misconfigurations`)
      const status = m.Status
      // Only FAIL is a finding; PASS appears with --include-non-failures, EXCEPTION is an accepted exception.
      if (status === 'PASS') continue
      if (status === 'EXCEPTION') {
        suppressed++
        continue
      }
      if (status !== 'FAIL' && status !== undefined) fail(`${at}.Status ${JSON.stringify(status)} is not FAIL, PASS or EXCEPTION`)
      const id = str(m, 'ID') || reqStr(m, 'AVDID', at)
      const cause = optObj(m, 'CauseMetadata', at)
      const resource = str(cause, 'Resource')
      const message = str(m, 'Message') ?? ''
      const properties: Record<string, string | number | boolean> = {}
      if (resource) properties.resource = resource
      const avdId = str(m, 'AVDID')
      if (avdId) properties.avdId = avdId
      const type = str(m, 'Type')
      if (type) properties.type = type
      const references = m.References
      const firstReference = Array.isArray(references) && typeof references[0] === 'string' ? references[0] : undefined
      const line = lineNumber(cause?.StartLine) ?? 1
      out.push({
        source: 'trivy',
        sources: sourcesOf('trivy'),
        ruleId: id,
        ruleName: id,
        severity: severityOf(m, at),
        title: str(m, 'Title') || id,
        message: message || str(m, 'Title') || id,
        path: target,
        line,
        endLine: lineNumber(cause?.EndLine),
        column: undefined,
        fingerprint: fingerprints.of('misconfiguration', id, target, resource || message),
        helpUri: str(m, 'PrimaryURL') || firstReference || `${TRIVY_DOCS}scanner/misconfiguration/`,
        kind: 'misconfiguration',
        fix: str(m, 'Resolution') || undefined,
        fixAvailable: undefined,
        properties
      })
    }
  }

  const secrets = optArray(result, 'Secrets', where)
  if (secrets) {
    for (let i = 0; i < secrets.length; i++) {
      const at = `${where}.Secrets[${i}]`
      const s = elementObj(secrets, i, `${where}.Secrets`)
      const id = reqStr(s, 'RuleID', at)
      const title = str(s, 'Title') || id
      const properties: Record<string, string | number | boolean> = {}
      const category = str(s, 'Category')
      if (category) properties.category = category
      out.push({
        source: 'trivy',
        sources: sourcesOf('trivy'),
        ruleId: id,
        ruleName: id,
        severity: severityOf(s, at),
        title,
        message: `${title} detected in ${target}`,
        path: target,
        line: lineNumber(s.StartLine) ?? 1,
        endLine: lineNumber(s.EndLine),
        column: undefined,
        // Match is the offending line with the secret masked: identifies it without the line number.
        fingerprint: fingerprints.of('secret', id, target, (str(s, 'Match') ?? '').trim()),
        helpUri: `${TRIVY_DOCS}scanner/secret/`,
        kind: 'secret',
        fix: 'Remove the secret from the file and its history, and rotate it.',
        fixAvailable: undefined,
        properties
      })
    }
  }

  const licenses = optArray(result, 'Licenses', where)
  if (licenses) {
    for (let i = 0; i < licenses.length; i++) {
      const at = `${where}.Licenses[${i}]`
      const l = elementObj(licenses, i, `${where}.Licenses`)
      const name = reqStr(l, 'Name', at)
      const pkg = str(l, 'PkgName')
      const filePath = str(l, 'FilePath')
      const properties: Record<string, string | number | boolean> = {}
      if (pkg) properties.package = pkg
      const category = str(l, 'Category')
      if (category) properties.category = category
      const path = filePath ? cleanPath(filePath) : target
      out.push({
        source: 'trivy',
        sources: sourcesOf('trivy'),
        ruleId: name,
        ruleName: name,
        severity: severityOf(l, at),
        title: `License ${name}${category ? ` (${category})` : ''}`,
        message: `${pkg ? `${pkg} uses` : 'Uses'} license ${name}`,
        path,
        line: 1,
        endLine: undefined,
        column: undefined,
        fingerprint: fingerprints.of('license', name, pkg, path),
        helpUri: str(l, 'Link') || `${TRIVY_DOCS}scanner/license/`,
        kind: 'license',
        fix: undefined,
        fixAvailable: undefined,
        properties
      })
    }
  }
  return suppressed
}

/** The CVSS v3 score of the severity source, else the highest one given. */
function cvssScore(v: Obj): number | undefined {
  const cvss = v.CVSS
  if (!isObj(cvss)) return undefined
  const source = strOf(v.SeveritySource)
  const preferred = source !== undefined && Object.hasOwn(cvss, source) ? cvss[source] : undefined
  if (isObj(preferred) && typeof preferred.V3Score === 'number') return preferred.V3Score
  let best: number | undefined
  for (const key of Object.keys(cvss)) {
    const entry = cvss[key]
    if (isObj(entry) && typeof entry.V3Score === 'number' && (best === undefined || entry.V3Score > best)) best = entry.V3Score
  }
  return best
}
