/**
 * Any SARIF 2.1.0 log: one finding per result of every run, results the tool
 * suppressed (non-rejected `suppressions`, baselineState "absent") dropped.
 * Tool specifics: Trivy's bucket in rule tags wins over its CVSS score;
 * gitleaks has no severity (secretSeverity applies); package facts are read
 * from Trivy messages and grype rule help.
 */
import { sourcesOf, type Finding, type FindingKind } from '../../core/finding.js'
import { listAt } from '../../core/lazy-json.js'
import {
  isSarifObject,
  isSuppressed,
  messageText,
  primaryLocation,
  propertiesOf,
  readRun,
  readSarifRuns,
  resolveRule,
  ruleTags,
  runResults,
  sarifSeverity,
  type SarifObject,
  type SarifRun
} from '../../core/sarif-read.js'
import { FINGERPRINT_KEY } from '../../core/sarif-write.js'
import type { Severity } from '../../core/severity.js'
import { mapSeverity } from '../../core/severity-map.js'
import { FingerprintSet, fail, firstLine, labelledValue } from './fields.js'
import { advisoryUrl, type ParserContext, type ParserOutput } from './types.js'

const SARIF_SPEC = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html'
const ADVISORY_ID = /^(?:CVE|GHSA)-/

/** Driver names folded onto the names the JSON parsers use, so per-tool policy applies to both. */
const TOOL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['semgrep oss', 'semgrep'],
  ['semgrep pro', 'semgrep'],
  ['defsec', 'tfsec'],
  ['bridgecrew', 'checkov']
])

const MISCONFIGURATION_TOOLS = new Set(['checkov', 'tfsec', 'hadolint', 'zizmor', 'dockle', 'kics', 'terrascan', 'actionlint', 'kube-linter'])
const VULNERABILITY_TOOLS = new Set(['grype', 'osv-scanner', 'snyk'])
const SECRET_TOOLS = new Set(['gitleaks', 'trufflehog', 'detect-secrets'])

export function sarifToolName(driverName: string): string {
  const lower = driverName.trim().toLowerCase()
  return TOOL_ALIASES.get(lower) ?? lower
}

export function parseSarif(doc: unknown, context: ParserContext): ParserOutput {
  const runs = readSarifRuns(doc)
  const findings: Finding[] = []
  const tools = new Set<string>()
  let suppressed = 0
  for (let r = 0; r < runs.length; r++) {
    const run = readRun(runs[r], r)
    const tool = sarifToolName(run.driverName)
    tools.add(tool)
    if (run.executionFailed) {
      fail(`${run.where} (${run.driverName}): invocations[].executionSuccessful is false, the scan did not complete`)
    }
    suppressed += readResults(run, tool, context, findings)
  }
  return { tool: tools.size === 1 ? [...tools][0] ?? 'sarif' : 'sarif', findings, suppressed }
}

/** What a result inherits from its rule, worked out once per rule id. */
interface RuleFacts {
  rule: SarifObject | undefined
  kind: FindingKind
  /** Trivy: the bucket in the rule tags. */
  bucket: Severity | undefined
  ruleName: string
  shortDescription: string | undefined
  helpUri: string
  ruleScore: unknown
  /** grype: package facts from the rule help. */
  pkg: string | undefined
  installed: string | undefined
  fixed: string | undefined
}

function readResults(run: SarifRun, tool: string, context: ParserContext, findings: Finding[]): number {
  const results = runResults(run)
  const fingerprints = new FingerprintSet()
  const isTrivy = tool === 'trivy'
  const isGitleaks = tool === 'gitleaks'
  const isGrype = tool === 'grype'
  const fallbackHelp = run.informationUri ?? SARIF_SPEC
  const factsById = new Map<string, RuleFacts>()
  const factsOf = (ruleId: string, rule: SarifObject | undefined): RuleFacts => {
    let facts = factsById.get(ruleId)
    if (facts && facts.rule === rule) return facts
    const tags = ruleTags(rule)
    const shortDescription = rule && isSarifObject(rule.shortDescription) ? rule.shortDescription.text : undefined
    const helpText = isGrype && rule && isSarifObject(rule.help) && typeof rule.help.text === 'string' ? rule.help.text : undefined
    facts = {
      rule,
      kind: kindOf(tool, ruleId, rule, tags),
      bucket: isTrivy ? trivyBucket(tags) : undefined,
      ruleName: rule && typeof rule.name === 'string' ? rule.name : ruleId,
      shortDescription: typeof shortDescription === 'string' && shortDescription !== '' ? shortDescription : undefined,
      helpUri: rule && typeof rule.helpUri === 'string' && rule.helpUri !== '' ? rule.helpUri : advisoryUrl(ruleId) ?? fallbackHelp,
      ruleScore: propertiesOf(rule)?.['security-severity'],
      pkg: helpText === undefined ? undefined : labelledValue(helpText, 'Package'),
      installed: helpText === undefined ? undefined : labelledValue(helpText, 'Version'),
      fixed: helpText === undefined ? undefined : labelledValue(helpText, 'Fix Version') ?? labelledValue(helpText, 'Fixed Version')
    }
    factsById.set(ruleId, facts)
    return facts
  }
  const toolVersion = run.driverVersion
  let suppressed = 0
  for (let i = 0; i < results.length; i++) {
    const result = listAt(results, i)
    if (!isSarifObject(result)) fail(`${run.where}.results[${i}] is not an object`)
    if (isSuppressed(result)) {
      suppressed++
      continue
    }
    const resolved = resolveRule(run, result)
    const rule = resolved.rule
    const message = messageText(result, rule) ?? ''
    const ruleId = resolved.ruleId ?? (isGitleaks ? gitleaksV7RuleName(message) : undefined) ?? 'unknown-rule'
    const facts = factsOf(ruleId, rule)
    const kind = facts.kind
    // Trivy misconfigurations: the finding's own text is the "Message:" line of the result message.
    const detail = isTrivy && message.startsWith('Artifact: ') ? labelledValue(message, 'Message') : undefined
    const location = primaryLocation(run, result)
    const path = location?.path ?? ''

    let severity: Severity | undefined = isTrivy ? facts.bucket : isGitleaks ? context.secretSeverity : undefined
    if (!severity) {
      try {
        severity = sarifSeverity(result, rule).severity
      } catch (error) {
        fail(`${run.where}.results[${i}]: ${error instanceof Error ? error.message : String(error)}`)
      }
    }

    // Package facts: Trivy writes them into the result message, grype into the rule help.
    let pkg = facts.pkg
    let installed = facts.installed
    let fixed = facts.fixed
    if (isTrivy && kind === 'vulnerability') {
      pkg = labelledValue(message, 'Package')
      installed = labelledValue(message, 'Installed Version')
      fixed = labelledValue(message, 'Fixed Version')
    }
    let fixAvailable: boolean | undefined
    if (fixed !== undefined) fixAvailable = fixed !== ''
    else if (Array.isArray(result.fixes) && result.fixes.length > 0) fixAvailable = true

    const resultProperties = propertiesOf(result)
    const properties: Record<string, string | number | boolean> = {}
    if (pkg) properties.package = pkg
    if (installed) properties.installedVersion = installed
    if (fixed) properties.fixedVersion = fixed
    const score = resultProperties?.['security-severity'] ?? facts.ruleScore
    if (typeof score === 'string' || typeof score === 'number') properties.securitySeverity = score
    if (toolVersion) properties.toolVersion = toolVersion

    const partials = isSarifObject(result.partialFingerprints) ? result.partialFingerprints : undefined
    const ours = partials?.[FINGERPRINT_KEY]
    let fingerprint: string
    if (typeof ours === 'string' && ours !== '') {
      // Our own merged SARIF: keep the fingerprint the finding had when it was written.
      fingerprint = ours
    } else if (kind === 'secret') {
      const offender = resultProperties?.offender
      fingerprint = fingerprints.of('secret', ruleId, path, typeof offender === 'string' ? offender : location?.snippet ?? message)
    } else if (kind === 'vulnerability' && pkg) {
      fingerprint = fingerprints.same('vulnerability', ruleId, pkg, installed, path)
    } else {
      const partial = partials?.primaryLocationLineHash
      const identity = typeof partial === 'string' ? partial : location?.snippet?.trim() || detail || message
      fingerprint = fingerprints.of(kind, ruleId, path, identity)
    }

    findings.push({
      source: tool,
      sources: sourcesOf(tool),
      ruleId,
      ruleName: facts.ruleName,
      severity,
      title: facts.shortDescription ?? (firstLine(message) || ruleId),
      message: kind === 'secret' ? secretMessage(ruleId, path) : detail || message,
      path,
      line: location?.line ?? 1,
      endLine: location?.endLine,
      column: location?.column,
      fingerprint,
      helpUri: facts.helpUri,
      kind,
      fix: pkg && fixed ? ['Upgrade ', pkg, ' to ', fixed].join('') : undefined,
      fixAvailable,
      properties
    })
  }
  return suppressed
}

/** gitleaks SARIF's message can carry the secret's context; say what and where instead. */
function secretMessage(ruleId: string, path: string): string {
  return ['Secret detected by rule ', ruleId, ' in ', path || 'an unknown file'].join('')
}

/** gitleaks v7 SARIF has no ruleId; its message is "<rule> secret detected". */
function gitleaksV7RuleName(message: string): string | undefined {
  const suffix = ' secret detected'
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : undefined
}

/** The Trivy bucket (CRITICAL…UNKNOWN) among the rule tags. */
function trivyBucket(tags: string[]): Severity | undefined {
  for (const tag of tags) {
    const severity = mapSeverity('trivy', tag)
    if (severity) return severity
  }
  return undefined
}

function kindOf(tool: string, ruleId: string, rule: SarifObject | undefined, tags: string[]): FindingKind {
  if (tool === 'trivy') {
    for (const tag of tags) {
      if (tag === 'vulnerability' || tag === 'misconfiguration' || tag === 'secret' || tag === 'license') return tag
    }
    const name = rule && typeof rule.name === 'string' ? rule.name : ''
    if (name.includes('Vulnerability')) return 'vulnerability'
    if (name.includes('Secret')) return 'secret'
    if (name.includes('License')) return 'license'
    return ADVISORY_ID.test(ruleId) ? 'vulnerability' : 'misconfiguration'
  }
  if (SECRET_TOOLS.has(tool)) return 'secret'
  if (VULNERABILITY_TOOLS.has(tool) || ADVISORY_ID.test(ruleId)) return 'vulnerability'
  if (MISCONFIGURATION_TOOLS.has(tool)) return 'misconfiguration'
  return 'sast'
}
