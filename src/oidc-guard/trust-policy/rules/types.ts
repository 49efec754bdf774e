import { fingerprintOf, type Finding } from '../../../core/finding.js'
import { ruleDocsUrl, type RuleMeta } from '../../../core/rule.js'
import { SEVERITIES, type Severity } from '../../../core/severity.js'
import type { AwsCondition, AwsStatement, Trust } from '../model.js'

export interface TrustPolicyRule extends RuleMeta {
  check(trust: Trust): Finding[]
}

export interface FindingSpec {
  line: number
  message: string
  /** What makes this finding distinct within the trust (statement, claim, value). */
  identity: string
  severity?: Severity
  /** Raise one level when the role looks like administrator access. */
  adminRaise?: boolean
  fix?: string
}

function raised(severity: Severity): Severity {
  const index = SEVERITIES.indexOf(severity)
  return SEVERITIES[Math.max(0, index - 1)]!
}

export function trustFinding(rule: RuleMeta, trust: Trust, spec: FindingSpec): Finding {
  let severity = spec.severity ?? rule.severity
  const admin = spec.adminRaise && trust.kind === 'aws' && trust.adminLike
  if (admin) severity = raised(severity)
  return {
    source: 'oidc-guard',
    ruleId: rule.id,
    ruleName: rule.name,
    severity,
    title: rule.title,
    message: `${trust.resource}: ${spec.message}${admin ? ' (raised: the role has administrator-like permissions)' : ''}`,
    path: trust.path,
    line: spec.line,
    fingerprint: fingerprintOf(rule.id, trust.path, trust.resource, spec.identity),
    helpUri: ruleDocsUrl('oidc-guard', rule.id),
    kind: 'misconfiguration',
    fix: spec.fix ?? rule.fix,
    properties: { provider: trust.kind, resource: trust.resource }
  }
}

export function statementLabel(statement: AwsStatement): string {
  return `statement ${statement.index + 1}`
}

export function conditionLabel(condition: AwsCondition): string {
  return `${condition.operator} ${condition.key}`
}
