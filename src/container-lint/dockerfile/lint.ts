import { fingerprintOf, type Finding } from '../../core/finding.js'
import { errorMessage } from '../../core/errors.js'
import { ruleDocsUrl } from '../../core/rule.js'
import { buildModel, type DockerfileModel, type Ignore } from './model.js'
import { RULES } from './rules/index.js'
import type { DockerfileLintOptions, DockerfileRule, RuleHit } from './types.js'

export const DOCKERFILE_RULES: readonly DockerfileRule[] = RULES

const RULE_SET = 'container-lint'
const PARSE_RULE_ID = 'CL-DF-000'
const parseRule = RULES.find((r) => r.id === PARSE_RULE_ID) as DockerfileRule

/** Dockerfile, Dockerfile.*, Dockerfile_*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.* */
const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:[._].+)?|.+\.(?:dockerfile|containerfile))$/i

/** Suffixes that mark a file *about* Dockerfiles (docs, code, backups), not a Dockerfile. */
const NOT_A_DOCKERFILE = /\.(?:dockerignore|md|markdown|txt|rst|adoc|html?|ts|tsx|js|mjs|cjs|go|py|rb|rs|java|kt|cs|json|ya?ml|toml|sh|bash|ps1|lock|snap|orig|bak|swp|tmpl|tpl|j2|erb)$/i

export function isDockerfilePath(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name)
}

/** Ids that silence a rule: its own id plus the hadolint DLxxxx codes it stands for (`# hadolint ignore=DL3008`). */
const IGNORE_IDS = new Map<string, string[]>(
  RULES.map((r) => [r.id, [r.id, ...((r.anchors?.['hadolint'] ?? '').match(/\bDL\d{4}\b/g) ?? [])]])
)

function findIgnore(ignores: readonly Ignore[] | undefined, id: string): Ignore | undefined {
  if (ignores === undefined) return undefined
  const ids = IGNORE_IDS.get(id) ?? [id]
  for (const ignore of ignores) if (ids.some((i) => ignore.ids.has(i))) return ignore
  return undefined
}

/** The check functions, read once: 44 rule objects of different shapes make `rule.check` a megamorphic load per call. */
const CHECKS: ReadonlyArray<DockerfileRule['check']> = RULES.map((r) => r.check)

const HELP_URIS = new Map<string, string>(RULES.map((r) => [r.id, ruleDocsUrl(RULE_SET, r.id)]))

/**
 * Fingerprints already computed for this file, by rule id then key. The key is
 * often the whole instruction text, and one long RUN line can yield thousands
 * of hits of one rule: hashing the line once per hit made linting quadratic.
 */
type FingerprintMemo = Map<string, Map<string, string>>

function fingerprintFor(memo: FingerprintMemo, ruleId: string, path: string, key: string): string {
  let byKey = memo.get(ruleId)
  if (byKey === undefined) memo.set(ruleId, (byKey = new Map()))
  let fingerprint = byKey.get(key)
  if (fingerprint === undefined) byKey.set(key, (fingerprint = fingerprintOf(ruleId, path, key)))
  return fingerprint
}

function toFinding(rule: DockerfileRule, hit: RuleHit, path: string, model: DockerfileModel | undefined, memo: FingerprintMemo = new Map()): Finding {
  const at = model?.instructionAt.get(hit.line)
  const key = hit.key ?? at?.text ?? ''
  const finding: Finding = {
    source: RULE_SET,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: hit.severity ?? rule.severity,
    title: rule.title,
    message: hit.message,
    path,
    line: hit.line,
    fingerprint: fingerprintFor(memo, rule.id, path, key),
    helpUri: HELP_URIS.get(rule.id) ?? ruleDocsUrl(RULE_SET, rule.id),
    kind: rule.kind,
    fix: rule.fix
  }
  const endLine = hit.endLine ?? at?.endLine
  if (endLine !== undefined && endLine > hit.line) finding.endLine = endLine
  if (hit.column !== undefined) finding.column = hit.column
  // most files have no ignore comments at all: skip the lookups then
  if (model !== undefined && (model.globalIgnores.length > 0 || model.inlineIgnores.size > 0)) {
    const ignore = findIgnore(model.globalIgnores, rule.id) ?? findIgnore(model.inlineIgnores.get(hit.line), rule.id)
    if (ignore !== undefined) finding.suppressed = { reason: ignore.reason || 'inline ignore (no reason given)', origin: 'inline' }
  }
  return finding
}

/**
 * Lints one Dockerfile. Never throws: a file that cannot be read meaningfully and
 * a rule that fails both become CL-DF-000 findings; every other rule still runs.
 * Inline-ignored findings are returned with `suppressed` set (origin 'inline').
 */
export function lintDockerfile(text: string, path: string, options: DockerfileLintOptions): Finding[] {
  let model: DockerfileModel
  try {
    model = buildModel(text)
  } catch (error) {
    return [toFinding(parseRule, { line: 1, message: `the Dockerfile could not be parsed: ${errorMessage(error)}`, key: 'parse' }, path, undefined)]
  }
  const findings: Finding[] = []
  const memo: FingerprintMemo = new Map()
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i] as DockerfileRule
    if (!options.isEnabled(rule)) continue
    let hits: RuleHit[]
    try {
      hits = (CHECKS[i] as DockerfileRule['check']).call(rule, model, options)
    } catch (error) {
      findings.push(toFinding(parseRule, { line: 1, message: `rule ${rule.id} failed on this file: ${errorMessage(error)}`, key: `crash ${rule.id}` }, path, model))
      continue
    }
    for (const hit of hits) findings.push(toFinding(rule, hit, path, model, memo))
  }
  return findings.sort((a, b) => a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
}
