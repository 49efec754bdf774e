import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import { azureExpressionReach } from './azure.js'
import { conditionLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-004',
  name: 'any-context-of-repository',
  title: 'Trust covers every branch, tag, pull request or environment of a repository',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'repo:ORG/REPO:* lets any branch (anyone with push access), any tag and pull_request runs assume the role; environment protection rules are bypassed.',
  fix: 'Scope the subject to an environment with protection rules ("repo:ORG/REPO:environment:prod") or to the protected branch ("repo:ORG/REPO:ref:refs/heads/main").',
  check(trust) {
    if (trust.kind === 'aws') {
      return trust.statements.flatMap(statement => {
        const scope = analyzeStatement(statement).scope
        if (scope?.reach !== 'repo-any-context' && scope?.reach !== 'pull-request') return []
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
      if (cel.reach !== 'repo-any-context' && cel.reach !== 'pull-request') return []
      return [trustFinding(rule, trust, { line: trust.conditionLine, message: `attribute_condition: ${cel.detail!.why}`, identity: 'condition' })]
    }
    const expr = azureExpressionReach(trust)
    if (expr?.reach.reach !== 'repo-any-context') return []
    return [trustFinding(rule, trust, { line: trust.expressionLine, message: `flexible credential: ${expr.reach.why}`, identity: expr.pattern })]
  }
}
