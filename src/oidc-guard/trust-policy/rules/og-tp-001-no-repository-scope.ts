import { analyzeStatement } from '../analysis.js'
import { statementLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-001',
  name: 'no-repository-scope',
  title: 'GitHub OIDC trust without a subject / repository condition',
  severity: 'critical',
  kind: 'misconfiguration',
  rationale:
    'Without a sub, job_workflow_ref, repository or repository_id condition any workflow in any GitHub repository can assume the role with its own ID token.',
  fix: 'Add a StringEquals condition on token.actions.githubusercontent.com:sub (e.g. "repo:OWNER/REPO:environment:prod") or on :repository_id / :job_workflow_ref.',
  anchors: { checkov: 'CKV_AWS_358' },
  check(trust) {
    if (trust.kind !== 'aws') return []
    return trust.statements.flatMap(statement => {
      const a = analyzeStatement(statement)
      if (a.scope || a.attackerOnly.length > 0) return []
      return [
        trustFinding(rule, trust, {
          line: statement.line,
          message: `${statementLabel(statement)} trusts GitHub's OIDC provider with no sub/repository/job_workflow_ref condition: any repository on GitHub can assume it`,
          identity: `statement-${statement.index}`,
          adminRaise: true
        })
      ]
    })
  }
}
