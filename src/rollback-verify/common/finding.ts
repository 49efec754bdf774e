import { fingerprintOf, type Finding } from '../../core/finding.js'
import { ruleDocsUrl, type RuleMeta } from '../../core/rule.js'

export const SOURCE = 'rollback-verify'

export interface FindingAt {
  path: string
  line: number
  message: string
  /** Identity of the offending thing (statement text, resource name…): never a line number. */
  key: string
  endLine?: number
  properties?: Finding['properties']
}

/** Builds a rollback-verify finding from a rule and a location. */
export function makeFinding(rule: RuleMeta, at: FindingAt): Finding {
  return {
    source: SOURCE,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    title: rule.title,
    message: at.message,
    path: at.path,
    line: Math.max(1, at.line),
    ...(at.endLine !== undefined && { endLine: at.endLine }),
    fingerprint: fingerprintOf(rule.id, at.path, at.key),
    helpUri: ruleDocsUrl(SOURCE, rule.id),
    kind: rule.kind,
    fix: rule.fix,
    ...(at.properties && { properties: at.properties })
  }
}
