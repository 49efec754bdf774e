/**
 * Typed reading of SARIF 2.1.0 logs (the output of JSON.parse): runs, rules
 * looked up by ruleId (ruleIndex is trusted only when it points at a rule
 * with the same id — old Trivy templates restart it per target), locations
 * and severity. Pure: no I/O, never mutates the log.
 */
import { normalizePath } from './finding.js'
import { isList, LazyList, type JsonList } from './lazy-json.js'
import type { Severity } from './severity.js'
import { sarifLevelSeverity, securitySeverity } from './severity-map.js'

export type SarifObject = Record<string, unknown>

/** The log is not SARIF 2.1.0 or a key field has the wrong type. */
export class SarifShapeError extends Error {
  override name = 'SarifShapeError'
}

function fail(message: string): never {
  throw new SarifShapeError(message)
}

export function isSarifObject(value: unknown): value is SarifObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LazyList)
}

function optArray(obj: SarifObject, key: string, where: string): unknown[] | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) fail(`${where}.${key} is not an array`)
  return value
}

/** optArray for `results`, the one array that may be lazy (see lazy-json). */
function optList(obj: SarifObject, key: string, where: string): JsonList | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!isList(value)) fail(`${where}.${key} is not an array`)
  return value
}

function optObject(obj: SarifObject, key: string, where: string): SarifObject | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (!isSarifObject(value)) fail(`${where}.${key} is not an object`)
  return value
}

function stringAt(obj: SarifObject | undefined, key: string): string | undefined {
  const value = obj?.[key]
  return typeof value === 'string' ? value : undefined
}

/** True for a parsed document that claims to be SARIF (has `runs` and a `version` or `$schema`). */
export function looksLikeSarif(doc: unknown): boolean {
  if (!isSarifObject(doc) || !('runs' in doc)) return false
  return 'version' in doc || (typeof doc.$schema === 'string' && doc.$schema.toLowerCase().includes('sarif'))
}

/** Validates the log header and returns its runs (an empty array means nothing was scanned: 0 results). */
export function readSarifRuns(doc: unknown): unknown[] {
  if (!isSarifObject(doc)) fail('not a SARIF log: the top level is not an object')
  const version = doc.version
  if (version !== '2.1.0') {
    fail(
      version === undefined
        ? 'not SARIF 2.1.0: the log has no "version"'
        : `unsupported SARIF version ${JSON.stringify(version)}; only 2.1.0 is supported`
    )
  }
  const runs = doc.runs
  if (runs === null) fail('"runs" is null: the tool failed before producing results')
  if (!Array.isArray(runs)) fail(`"runs" is ${runs === undefined ? 'missing' : 'not an array'}`)
  return runs
}

export interface SarifRun {
  index: number
  where: string
  /** tool.driver.name as written (e.g. "Semgrep OSS"). */
  driverName: string
  driverVersion?: string
  informationUri?: string
  /** Rules of the driver and of every extension, by id (driver first). */
  rulesById: Map<string, SarifObject>
  driverRules: unknown[]
  extensions: unknown[]
  /** originalUriBaseIds as absolute path prefixes without file:// (e.g. "/src/repo/"). */
  baseUris: Map<string, string>
  artifacts: unknown[]
  /** undefined when the run has no results array (absent or null): read them through runResults(). */
  results: JsonList | undefined
  /** invocations[].executionSuccessful === false somewhere. */
  executionFailed: boolean
}

export function readRun(run: unknown, index: number): SarifRun {
  const where = `runs[${index}]`
  if (!isSarifObject(run)) fail(`${where} is not an object`)
  const tool = optObject(run, 'tool', where)
  const driver = tool ? optObject(tool, 'driver', `${where}.tool`) : undefined
  const driverName = stringAt(driver, 'name')
  if (!driver || !driverName) fail(`${where}.tool.driver.name is missing`)
  const driverRules = optArray(driver, 'rules', `${where}.tool.driver`) ?? []
  const extensions = (tool && optArray(tool, 'extensions', `${where}.tool`)) ?? []
  const rulesById = new Map<string, SarifObject>()
  addRules(rulesById, driverRules)
  for (const extension of extensions) {
    if (isSarifObject(extension) && Array.isArray(extension.rules)) addRules(rulesById, extension.rules)
  }
  const baseUris = new Map<string, string>()
  const original = optObject(run, 'originalUriBaseIds', where)
  if (original) {
    for (const key of Object.keys(original)) {
      const entry = original[key]
      const uri = isSarifObject(entry) ? stringAt(entry, 'uri') : undefined
      if (uri && uri.startsWith('file:')) baseUris.set(key, fileUriToPath(uri))
    }
  }
  const invocations = optArray(run, 'invocations', where) ?? []
  const executionFailed = invocations.some(inv => isSarifObject(inv) && inv.executionSuccessful === false)
  const run2: SarifRun = {
    index,
    where,
    driverName,
    rulesById,
    driverRules,
    extensions,
    baseUris,
    artifacts: optArray(run, 'artifacts', where) ?? [],
    results: optList(run, 'results', where),
    executionFailed
  }
  const version = stringAt(driver, 'semanticVersion') ?? stringAt(driver, 'version')
  if (version !== undefined) run2.driverVersion = version
  const informationUri = stringAt(driver, 'informationUri')
  if (informationUri !== undefined) run2.informationUri = informationUri
  return run2
}

/**
 * The results of a run. `[]` is a clean run; an absent or null `results`
 * means "the tool did not complete" (SARIF 2.1.0 tells null/absent apart
 * from an empty array; GitHub's upload-sarif rejects a run without it) and
 * is an error, never 0 findings. Every real producer in the fixtures
 * (Trivy, Semgrep OSS incl. the clean 1.66 run, gitleaks v7/v8, checkov,
 * CodeQL, grype, dockle, flawfinder, hadolint, zizmor, defsec) writes
 * `results: []` on a clean run, so absence is not excused even with
 * executionSuccessful: a renamed or dropped key must never turn a blocking
 * report into a pass.
 */
export function runResults(run: SarifRun): JsonList {
  if (run.results === undefined) fail(`${run.where} (${run.driverName}) has no results array: the tool did not complete`)
  return run.results
}

function addRules(byId: Map<string, SarifObject>, rules: unknown[]): void {
  for (const rule of rules) {
    if (!isSarifObject(rule)) continue
    const id = rule.id
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, rule)
  }
}

export interface ResolvedRule {
  ruleId: string | undefined
  rule: SarifObject | undefined
}

/**
 * The rule of a result: by `ruleId` (or `rule.id`); `ruleIndex` only confirms
 * when rules[ruleIndex].id equals that id, or stands alone when no id is given.
 */
export function resolveRule(run: SarifRun, result: SarifObject): ResolvedRule {
  const reference = isSarifObject(result.rule) ? result.rule : undefined
  let ruleId = typeof result.ruleId === 'string' ? result.ruleId : stringAt(reference, 'id')
  const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : reference?.index
  if (ruleId !== undefined) {
    const rule = run.rulesById.get(ruleId)
    if (rule) return { ruleId, rule }
    // A hierarchical id ("a/b") may name its parent rule.
    const slash = ruleId.lastIndexOf('/')
    return { ruleId, rule: slash > 0 ? run.rulesById.get(ruleId.slice(0, slash)) : undefined }
  }
  if (typeof index === 'number') {
    const component = reference && isSarifObject(reference.toolComponent) ? reference.toolComponent : undefined
    const extension = typeof component?.index === 'number' ? run.extensions[component.index] : undefined
    const rules = extension === undefined ? run.driverRules : isSarifObject(extension) && Array.isArray(extension.rules) ? extension.rules : []
    const rule = rules[index]
    if (isSarifObject(rule)) {
      ruleId = stringAt(rule, 'id')
      return { ruleId, rule }
    }
  }
  return { ruleId: undefined, rule: undefined }
}

/** file:///C:/x%20y/ → /C:/x y/ ; a non-file URI is returned decoded. */
export function fileUriToPath(uri: string): string {
  let path = uri
  if (path.startsWith('file://')) path = path.slice(7)
  else if (path.startsWith('file:')) path = path.slice(5)
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path)
    } catch {
      // Not valid percent-encoding: keep the text as written.
    }
  }
  return path
}

/**
 * An artifact URI as a repository-relative path: file:// stripped, %XX
 * decoded, an absolute path under a known uriBaseId made relative, SRCROOT
 * style relative URIs kept as they are.
 */
export function normalizeArtifactUri(uri: string, baseUris?: Map<string, string>, uriBaseId?: string): string {
  let path = uri.startsWith('file:') || uri.includes('%') ? fileUriToPath(uri) : uri
  if (baseUris && baseUris.size > 0 && path.startsWith('/')) {
    const preferred = uriBaseId ? baseUris.get(uriBaseId) : undefined
    for (const base of preferred ? [preferred] : baseUris.values()) {
      const prefix = base.endsWith('/') ? base : `${base}/`
      if (path.startsWith(prefix)) {
        path = path.slice(prefix.length)
        break
      }
    }
  }
  return path.includes('\\') || path.startsWith('./') ? normalizePath(path) : path
}

export interface SarifLocation {
  path: string
  line: number
  endLine?: number
  column?: number
  /** region.snippet.text (gitleaks puts the secret here: never print it). */
  snippet?: string
  /** locations[0].message.text (Trivy: "target: pkg@version"). */
  message?: string
}

/** The first physical location of a result, or undefined when it has none. */
export function primaryLocation(run: SarifRun, result: SarifObject): SarifLocation | undefined {
  const locations = result.locations
  if (!Array.isArray(locations) || locations.length === 0) return undefined
  const location = locations[0]
  if (!isSarifObject(location)) return undefined
  const physical = isSarifObject(location.physicalLocation) ? location.physicalLocation : undefined
  const artifact = physical && isSarifObject(physical.artifactLocation) ? physical.artifactLocation : undefined
  let uri = stringAt(artifact, 'uri')
  if (uri === undefined && artifact && typeof artifact.index === 'number') {
    const entry = run.artifacts[artifact.index]
    const entryLocation = isSarifObject(entry) && isSarifObject(entry.location) ? entry.location : undefined
    uri = stringAt(entryLocation, 'uri')
  }
  const region = physical && isSarifObject(physical.region) ? physical.region : undefined
  const out: SarifLocation = {
    path: uri === undefined ? '' : normalizeArtifactUri(uri, run.baseUris, stringAt(artifact, 'uriBaseId')),
    line: positive(region?.startLine) ?? 1
  }
  const endLine = positive(region?.endLine)
  if (endLine !== undefined) out.endLine = endLine
  const column = positive(region?.startColumn)
  if (column !== undefined) out.column = column
  const snippet = region && isSarifObject(region.snippet) ? stringAt(region.snippet, 'text') : undefined
  if (snippet !== undefined) out.snippet = snippet
  const message = isSarifObject(location.message) ? stringAt(location.message, 'text') : undefined
  if (message !== undefined) out.message = message
  return out
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined
}

/** Results the tool itself marks as not applying: a non-rejected suppression, or baselineState "absent". */
export function isSuppressed(result: SarifObject): boolean {
  if (result.baselineState === 'absent') return true
  const suppressions = result.suppressions
  if (!Array.isArray(suppressions) || suppressions.length === 0) return false
  return suppressions.some(s => !isSarifObject(s) || (s.status !== 'rejected' && s.status !== 'underReview'))
}

/** message.text, else the rule's messageStrings[message.id].text. */
export function messageText(result: SarifObject, rule: SarifObject | undefined): string | undefined {
  const message = isSarifObject(result.message) ? result.message : undefined
  const text = stringAt(message, 'text')
  if (text !== undefined) return text
  const id = stringAt(message, 'id')
  if (id === undefined || !rule || !isSarifObject(rule.messageStrings)) return undefined
  const strings = rule.messageStrings as SarifObject
  const entry = Object.hasOwn(strings, id) ? strings[id] : undefined
  const template = isSarifObject(entry) ? stringAt(entry, 'text') : undefined
  if (template === undefined) return undefined
  const args = Array.isArray(message?.arguments) ? message.arguments : []
  // Placeholders {0}, {1}… take the result's arguments.
  return template.replace(PLACEHOLDER, (whole, index: string) => {
    const value = args[Number(index)]
    return typeof value === 'string' ? value : whole
  })
}

const PLACEHOLDER = /\{(\d+)\}/g

/** `properties` of a result or rule, when an object. */
export function propertiesOf(obj: SarifObject | undefined): SarifObject | undefined {
  return obj && isSarifObject(obj.properties) ? obj.properties : undefined
}

/** The rule's tags (strings only). */
export function ruleTags(rule: SarifObject | undefined): string[] {
  const tags = propertiesOf(rule)?.tags
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
}

export type SeverityOrigin = 'security-severity' | 'level' | 'default-level' | 'sarif-default'

/**
 * Severity of a result without tool-specific rules: security-severity of the
 * result, then of the rule (number → GitHub bands, word → word table), then
 * result level, rule defaultConfiguration.level, SARIF's default "warning".
 */
export function sarifSeverity(result: SarifObject, rule: SarifObject | undefined): { severity: Severity; origin: SeverityOrigin } {
  const fromScore =
    securitySeverity(propertiesOf(result)?.['security-severity']) ??
    securitySeverity(propertiesOf(rule)?.['security-severity'])
  if (fromScore) return { severity: fromScore, origin: 'security-severity' }
  const level = result.level
  if (level !== undefined && level !== null) {
    const mapped = typeof level === 'string' ? sarifLevelSeverity(level) : undefined
    if (!mapped) fail(`result level ${JSON.stringify(level)} is not one of error, warning, note, none`)
    return { severity: mapped, origin: 'level' }
  }
  const config = rule && isSarifObject(rule.defaultConfiguration) ? rule.defaultConfiguration : undefined
  const defaultLevel = stringAt(config, 'level')
  const mapped = defaultLevel ? sarifLevelSeverity(defaultLevel) : undefined
  if (mapped) return { severity: mapped, origin: 'default-level' }
  return { severity: 'medium', origin: 'sarif-default' }
}
