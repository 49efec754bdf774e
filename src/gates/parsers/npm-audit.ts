/**
 * `npm audit --json`. npm >= 7 (auditReportVersion 2): one finding per
 * vulnerable package per advisory object in its `via`; entries whose `via`
 * holds only package names are vulnerable through a dependency that has its
 * own entry, so they add no finding of their own (npm's own total counts
 * them: this count can be lower). An entry rated above info that names no
 * advisory and no other entry (absent, empty or dangling `via`) still gives
 * one package-level finding (NPM_PACKAGE_RULE). npm 6 (`advisories`): one finding per
 * advisory per installed version in its `findings`. `{"error": …}` (e.g.
 * ENOAUDIT) fails closed.
 */
import { listAt, type JsonList } from '../../core/lazy-json.js'
import { sourcesOf, type Finding } from '../../core/finding.js'
import type { Severity } from '../../core/severity.js'
import { mapSeverity } from '../../core/severity-map.js'
import { FingerprintSet, fail, isObj, optArray, optObj, str, typeName, type Obj } from './fields.js'
import { advisoryUrl, type ParserOutput } from './types.js'

/** npm audit has no file or line; the audited lockfile is the location. */
export const NPM_AUDIT_PATH = 'package-lock.json'

export function parseNpmAudit(doc: unknown): ParserOutput {
  if (!isObj(doc)) fail('an npm audit report must be an object')
  const error = doc.error
  if (error !== undefined && error !== null) {
    const summary = isObj(error) ? str(error, 'summary') || str(error, 'code') : String(error)
    fail(`npm audit reported an error instead of results: ${summary ?? 'unknown error'}`)
  }
  if ('auditReportVersion' in doc) {
    if (doc.auditReportVersion !== 2) fail(`unsupported npm auditReportVersion ${JSON.stringify(doc.auditReportVersion)} (supported: 2, and npm 6 "advisories")`)
    return parseV2(doc)
  }
  if ('advisories' in doc) return parseV1(doc)
  fail('not an npm audit report: neither "auditReportVersion" nor "advisories"')
}

function severityWord(value: unknown, where: string): Severity {
  if (typeof value !== 'string') fail(`${where}.severity is ${typeName(value)}, expected a string`)
  const severity = mapSeverity('npm-audit', value)
  if (!severity) fail(`${where}.severity ${JSON.stringify(value)} is not an npm audit severity`)
  return severity
}

/** GHSA id from an advisory URL (https://github.com/advisories/GHSA-…), else undefined. */
function ghsaOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  const at = url.lastIndexOf('/GHSA-')
  return at === -1 ? undefined : url.slice(at + 1)
}

function parseV2(doc: Obj): ParserOutput {
  const vulnerabilities = optObj(doc, 'vulnerabilities', '')
  if (!vulnerabilities) fail('"vulnerabilities" is missing')
  const findings: Finding[] = []
  const fingerprints = new FingerprintSet()
  for (const key of Object.keys(vulnerabilities)) {
    const where = `vulnerabilities[${JSON.stringify(key)}]`
    const entry = vulnerabilities[key]
    if (!isObj(entry)) fail(`${where} is ${typeName(entry)}, expected an object`)
    const name = str(entry, 'name') || key
    const via = optArray(entry, 'via', where) ?? []
    const fixAvailable = entry.fixAvailable !== undefined && entry.fixAvailable !== null && entry.fixAvailable !== false
    const fixTarget = isObj(entry.fixAvailable) ? entry.fixAvailable : undefined
    const nodes = entry.nodes
    const node = Array.isArray(nodes) && typeof nodes[0] === 'string' ? nodes[0] : undefined
    const packageRange = str(entry, 'range') ?? ''
    if (!hasUsableVia(via, vulnerabilities, key)) {
      const finding = packageFinding(entry, name, where, packageRange, node, fixAvailable, fixTarget, fingerprints)
      if (finding) findings.push(finding)
      continue
    }
    for (let i = 0; i < via.length; i++) {
      const advisory = listAt(via, i)
      if (typeof advisory === 'string') continue
      const at = `${where}.via[${i}]`
      if (!isObj(advisory)) fail(`${at} is ${typeName(advisory)}, expected a package name or an advisory`)
      const url = str(advisory, 'url')
      const source = str(advisory, 'source')
      const ruleId = ghsaOf(url) ?? (source ? `npm-${source}` : undefined)
      if (!ruleId) fail(`${at} has neither "url" nor "source"`)
      const title = str(advisory, 'title') || ruleId
      const properties: Record<string, string | number | boolean> = { package: name }
      const range = str(advisory, 'range')
      if (range) properties.vulnerableRange = range
      if (node) properties.node = node
      if (typeof entry.isDirect === 'boolean') properties.isDirect = entry.isDirect
      const cvss = isObj(advisory.cvss) ? advisory.cvss.score : undefined
      if (typeof cvss === 'number' && cvss > 0) properties.cvss = cvss
      const fixName = str(fixTarget, 'name')
      const fixVersion = str(fixTarget, 'version')
      if (fixName && fixVersion) properties.fixedVersion = `${fixName}@${fixVersion}`
      if (typeof fixTarget?.isSemVerMajor === 'boolean') properties.fixIsSemVerMajor = fixTarget.isSemVerMajor
      findings.push({
        source: 'npm-audit',
        sources: sourcesOf('npm-audit'),
        ruleId,
        ruleName: ruleId,
        severity: severityWord(advisory.severity ?? entry.severity, at),
        title,
        message: `${name} is affected by ${ruleId}: ${title}`,
        path: NPM_AUDIT_PATH,
        line: 1,
        endLine: undefined,
        column: undefined,
        fingerprint: fingerprints.same('vulnerability', ruleId, name, packageRange, NPM_AUDIT_PATH),
        helpUri: url || advisoryUrl(ruleId) || 'https://docs.npmjs.com/cli/commands/npm-audit',
        kind: 'vulnerability',
        fix: fixName && fixVersion ? `npm audit fix${fixTarget?.isSemVerMajor === true ? ' --force' : ''} (installs ${fixName}@${fixVersion})` : fixAvailable ? 'npm audit fix' : undefined,
        fixAvailable,
        properties
      })
    }
  }
  return { tool: 'npm-audit', findings, suppressed: 0 }
}

/**
 * True when `via` says why the package is vulnerable: an advisory object, or
 * the name of another entry of the report (which carries the advisory). An
 * absent, empty or dangling `via` gives no advisory, and the package must
 * not vanish from the gate for that.
 */
function hasUsableVia(via: JsonList, vulnerabilities: Obj, key: string): boolean {
  return [...via].some(item => isObj(item) || (typeof item === 'string' && item !== key && Object.hasOwn(vulnerabilities, item)))
}

/** The package-level rule id of an entry that names no advisory. */
export const NPM_PACKAGE_RULE = 'npm-vulnerable-package'

/** One finding for a vulnerable package whose entry names no advisory; undefined when npm rates it info/none. */
function packageFinding(
  entry: Obj,
  name: string,
  where: string,
  packageRange: string,
  node: string | undefined,
  fixAvailable: boolean,
  fixTarget: Obj | undefined,
  fingerprints: FingerprintSet
): Finding | undefined {
  if (entry.severity === 'info' || entry.severity === 'none') return undefined
  const severity = severityWord(entry.severity, where)
  const properties: Record<string, string | number | boolean> = { package: name }
  if (packageRange) properties.vulnerableRange = packageRange
  if (node) properties.node = node
  if (typeof entry.isDirect === 'boolean') properties.isDirect = entry.isDirect
  const fixName = str(fixTarget, 'name')
  const fixVersion = str(fixTarget, 'version')
  if (fixName && fixVersion) properties.fixedVersion = `${fixName}@${fixVersion}`
  const title = `${name} is rated ${String(entry.severity)} by npm audit, which names no advisory for it`
  return {
    source: 'npm-audit',
    sources: sourcesOf('npm-audit'),
    ruleId: NPM_PACKAGE_RULE,
    ruleName: NPM_PACKAGE_RULE,
    severity,
    title,
    message: `${title}; run \`npm audit\` to see why`,
    path: NPM_AUDIT_PATH,
    line: 1,
    endLine: undefined,
    column: undefined,
    fingerprint: fingerprints.same('vulnerability', NPM_PACKAGE_RULE, name, packageRange, NPM_AUDIT_PATH),
    helpUri: 'https://docs.npmjs.com/cli/commands/npm-audit',
    kind: 'vulnerability',
    fix: fixName && fixVersion ? `npm audit fix (installs ${fixName}@${fixVersion})` : fixAvailable ? 'npm audit fix' : undefined,
    fixAvailable,
    properties
  }
}

function parseV1(doc: Obj): ParserOutput {
  const advisories = optObj(doc, 'advisories', '')
  const findings: Finding[] = []
  const fingerprints = new FingerprintSet()
  if (!advisories) return { tool: 'npm-audit', findings, suppressed: 0 }
  for (const key of Object.keys(advisories)) {
    const where = `advisories[${JSON.stringify(key)}]`
    const advisory = advisories[key]
    if (!isObj(advisory)) fail(`${where} is ${typeName(advisory)}, expected an object`)
    const name = str(advisory, 'module_name')
    if (!name) fail(`${where}.module_name is missing`)
    const severity = severityWord(advisory.severity, where)
    const cves = advisory.cves
    const cve = Array.isArray(cves) && cves.length === 1 && typeof cves[0] === 'string' ? cves[0] : undefined
    const url = str(advisory, 'url')
    const ruleId = str(advisory, 'github_advisory_id') || ghsaOf(url) || cve || `npm-${str(advisory, 'id') ?? key}`
    const patched = str(advisory, 'patched_versions') ?? ''
    const fixAvailable = patched !== '' && patched !== '<0.0.0'
    const title = str(advisory, 'title') || ruleId
    const versions: string[] = []
    for (const found of optArray(advisory, 'findings', where) ?? []) {
      const version = isObj(found) ? str(found, 'version') : undefined
      if (version !== undefined) versions.push(version)
    }
    if (versions.length === 0) versions.push('')
    for (const version of versions) {
      const properties: Record<string, string | number | boolean> = { package: name }
      if (version) properties.installedVersion = version
      if (patched) properties.fixedVersion = patched
      const range = str(advisory, 'vulnerable_versions')
      if (range) properties.vulnerableRange = range
      findings.push({
        source: 'npm-audit',
        sources: sourcesOf('npm-audit'),
        ruleId,
        ruleName: ruleId,
        severity,
        title,
        message: `${name}${version ? ` ${version}` : ''} is affected by ${ruleId}: ${title}`,
        path: NPM_AUDIT_PATH,
        line: 1,
        endLine: undefined,
        column: undefined,
        fingerprint: fingerprints.same('vulnerability', ruleId, name, version, NPM_AUDIT_PATH),
        helpUri: url || advisoryUrl(ruleId) || 'https://docs.npmjs.com/cli/commands/npm-audit',
        kind: 'vulnerability',
        fix: fixAvailable ? `Upgrade ${name} to ${patched}` : undefined,
        fixAvailable,
        properties
      })
    }
  }
  return { tool: 'npm-audit', findings, suppressed: 0 }
}

