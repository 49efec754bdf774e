import { errorMessage } from '../../core/errors.js'
import { fingerprintOf, type Finding } from '../../core/finding.js'
import type { RuleMeta } from '../../core/rule.js'
import { ruleDocsUrl } from '../../core/rule.js'
import { LintSet } from './lintset.js'
import { lineOf, obj, parseManifestFile, str, type K8sObject, type ManifestFile } from './model.js'
import type { K8sReport, K8sRule } from './rule.js'
import { K8S_RULES } from './rules/index.js'
import { workloadOf } from './workload.js'

export const IGNORE_ANNOTATION = 'container-lint.io/ignore'

export interface K8sLintOptions {
  isEnabled(rule: RuleMeta): boolean
}

export interface K8sLintOutput {
  findings: Finding[]
  notices: string[]
  /** Files in which at least one document looked like Kubernetes (or failed to parse as such). */
  kubernetesFiles: string[]
}

const PARSE_RULE = (): K8sRule => K8S_RULES.find(r => r.id === 'CL-K8S-000')!

/** Parses one manifest file (once) for a later `lintManifests`. */
export function parseManifest(text: string, path: string, options: { explicit?: boolean } = {}): ManifestFile {
  return parseManifestFile(text, path, options)
}

/**
 * Lints parsed manifest files together: per-object rules run object by object,
 * cross-object rules see the whole set (all files, per namespace).
 */
export function lintManifests(files: ManifestFile[], options: K8sLintOptions): K8sLintOutput {
  const findings: Finding[] = []
  const notices: string[] = []
  const set = new LintSet(files.flatMap(f => f.objects))
  const enabled = K8S_RULES.filter(r => options.isEnabled(r))
  const parseRule = PARSE_RULE()
  for (const file of files) {
    notices.push(...file.notices)
    if (options.isEnabled(parseRule)) {
      for (const p of file.problems) findings.push(parseFinding(file.path, p.line, p.message))
    }
  }
  for (const object of set.objects) {
    const ignore = ignoredIds(object, notices)
    for (const rule of enabled) {
      const report = (r: K8sReport): void => {
        findings.push(toFinding(rule, object, r, ignore))
      }
      try {
        rule.check(object, { set, report })
      } catch (error) {
        // A rule bug must not hide the other rules' findings; it is reported, never swallowed.
        if (options.isEnabled(parseRule)) findings.push(parseFinding(object.path, object.line, `rule ${rule.id} failed on ${object.kind} ${object.name}: ${errorMessage(error)}`))
      }
    }
  }
  return { findings, notices, kubernetesFiles: files.filter(f => f.looksLikeKubernetes).map(f => f.path) }
}

/** Convenience for tests and callers holding texts: parse + lint. */
export function lintManifestTexts(files: Array<{ path: string; text: string }>, options: K8sLintOptions): K8sLintOutput {
  return lintManifests(files.map(f => parseManifestFile(f.text, f.path)), options)
}

export function parseFinding(path: string, line: number, message: string): Finding {
  const rule = PARSE_RULE()
  return {
    source: 'container-lint',
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    title: rule.title,
    message: `${path}: ${message}`,
    path,
    line,
    fingerprint: fingerprintOf(rule.id, path, message),
    helpUri: ruleDocsUrl('container-lint', rule.id),
    kind: rule.kind,
    fix: rule.fix
  }
}

interface Ignore {
  ids: Set<string>
  reason: string
  origin: string
}

/** `container-lint.io/ignore: "CL-K8S-007,CL-K8S-015 -- reason"` on the object or on its pod template. */
function ignoredIds(o: K8sObject, notices: string[]): Ignore | undefined {
  const sources: Array<{ annotations: ReturnType<typeof obj>; where: string }> = [{ annotations: obj(o.metadata.annotations), where: 'metadata' }]
  const shape = workloadOf(o)
  if (shape?.ok && shape.workload.podMeta !== o.metadata) sources.push({ annotations: obj(shape.workload.podMeta.annotations), where: 'pod template' })
  let result: Ignore | undefined
  for (const { annotations, where } of sources) {
    const value = str(annotations?.[IGNORE_ANNOTATION])
    if (value === undefined) continue
    const [idsPart = '', ...reasonParts] = value.split('--')
    const reason = reasonParts.join('--').trim() || `ignored by the ${IGNORE_ANNOTATION} annotation`
    const origin = `annotation ${IGNORE_ANNOTATION} (${where}) at ${o.path}:${lineOf(annotations, IGNORE_ANNOTATION)}`
    result ??= { ids: new Set(), reason, origin }
    for (const id of idsPart.split(/[\s,]+/).filter(Boolean).map(s => s.toUpperCase())) {
      if (!K8S_RULES.some(r => r.id === id)) notices.push(`${o.path}:${lineOf(annotations, IGNORE_ANNOTATION)}: ${IGNORE_ANNOTATION} names unknown rule ${id}`)
      result.ids.add(id)
    }
  }
  return result
}

function toFinding(rule: K8sRule, o: K8sObject, r: K8sReport, ignore: Ignore | undefined): Finding {
  const where = `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${r.container ? ` container "${r.container}"` : ''}`
  const finding: Finding = {
    source: 'container-lint',
    ruleId: rule.id,
    ruleName: rule.name,
    severity: r.severity ?? rule.severity,
    title: rule.title,
    message: `${where}: ${r.message}`,
    path: o.path,
    line: r.line,
    fingerprint: fingerprintOf(rule.id, o.path, o.kind, o.namespace, o.name, r.container, r.key),
    helpUri: ruleDocsUrl('container-lint', rule.id),
    kind: rule.kind,
    fix: r.fix ?? rule.fix,
    properties: {
      objectKind: o.kind,
      objectName: o.name,
      ...(o.namespace && { namespace: o.namespace }),
      ...(r.container && { container: r.container }),
      ...(o.helmSource && { helmSource: o.helmSource })
    }
  }
  if (ignore && ignore.ids.has(rule.id)) finding.suppressed = { reason: ignore.reason, origin: ignore.origin }
  return finding
}
