import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import { azureExpressionReach } from './azure.js'
import { conditionLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-003',
  name: 'owner-wide-trust',
  title: 'Trust extends to every repository of an owner',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'repo:ORG/* (or a condition on repository_owner alone) lets every repository of the organization — including new ones, forks inside it and ones with weak branch protection — assume the role.',
  fix: 'Name the repositories that deploy ("repo:ORG/REPO:environment:prod"), or pin job_workflow_ref to one reviewed reusable deploy workflow.',
  anchors: { checkov: 'CKV_AWS_358', actionscope: 'AS007' },
  check(trust) {
    if (trust.kind === 'aws') {
      return trust.statements.flatMap(statement => {
        const scope = analyzeStatement(statement).scope
        if (scope?.reach !== 'owner') return []
        const c = scope.condition
        return [
          trustFinding(rule, trust, {
            line: c.valueLines[scope.valueIndex] ?? c.line,
            message: `${conditionLabel(c)}: ${scope.detail.why}`,
            identity: `${statement.index}:${c.claim}:${c.values[scope.valueIndex]}`,
            adminRaise: true
          })
        ]
      })
    }
    if (trust.kind === 'gcp') {
      const cel = analyzeCel(trust.condition)
      if (cel.reach !== 'owner') return []
      return [trustFinding(rule, trust, { line: trust.conditionLine, message: `attribute_condition: ${cel.detail!.why}`, identity: 'condition' })]
    }
    const expr = azureExpressionReach(trust)
    if (expr?.reach.reach !== 'owner') return []
    return [trustFinding(rule, trust, { line: trust.expressionLine, message: `flexible credential: ${expr.reach.why}`, identity: expr.pattern })]
  }
}
