import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import { azureExpressionReach } from './azure.js'
import { conditionLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-002',
  name: 'any-repository-subject',
  title: 'Subject pattern matches any repository',
  severity: 'critical',
  kind: 'misconfiguration',
  rationale: 'A wildcard in the owner position (`*`, `repo:*`, `repo:*/*`) lets every GitHub repository assume the role.',
  fix: 'Replace the wildcard with the exact owner and repository ("repo:OWNER/REPO:environment:prod"), ideally the immutable "repo:OWNER@OWNER_ID/REPO@REPO_ID:…" form.',
  anchors: { checkov: 'CKV_AWS_358' },
  check(trust) {
    if (trust.kind === 'aws') {
      return trust.statements.flatMap(statement => {
        const scope = analyzeStatement(statement).scope
        if (scope?.reach !== 'any') return []
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
      if (cel.reach !== 'any') return []
      return [trustFinding(rule, trust, { line: trust.conditionLine, message: `attribute_condition: ${cel.detail!.why}`, identity: 'condition' })]
    }
    const expr = azureExpressionReach(trust)
    if (expr?.reach.reach !== 'any') return []
    return [trustFinding(rule, trust, { line: trust.expressionLine, message: `claimsMatchingExpression: ${expr.reach.why}`, identity: expr.pattern })]
  }
}
