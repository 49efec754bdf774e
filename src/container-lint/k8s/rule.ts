import type { RuleMeta } from '../../core/rule.js'
import type { Severity } from '../../core/severity.js'
import type { LintSet } from './lintset.js'
import type { K8sObject } from './model.js'

/** What a rule reports; the engine turns it into a Finding (ids, docs link, fingerprint, suppression). */
export interface K8sReport {
  line: number
  message: string
  /** Container the finding is about (part of the fingerprint). */
  container?: string
  /** Extra identity when one object/container can hold several findings of the rule (a capability, a volume…). */
  key?: string
  /** Only when a case is graver (or milder) than the rule's default, e.g. an explicit `true`. */
  severity?: Severity
  fix?: string
}

export interface K8sRuleContext {
  set: LintSet
  report(finding: K8sReport): void
}

/** One Kubernetes rule: metadata plus a cheap pass over one parsed object. */
export interface K8sRule extends RuleMeta {
  check(object: K8sObject, ctx: K8sRuleContext): void
}
