import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import { conditionLabel, statementLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-008',
  name: 'attacker-controlled-claims-only',
  title: 'Trust relies only on claims any repository can choose',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'workflow, actor, ref, environment, event_name, head_ref/base_ref are chosen by whoever writes the workflow; without a repository condition anyone on GitHub can produce matching tokens.',
  fix: 'Add a repository scope: token.actions.githubusercontent.com:sub "repo:OWNER/REPO:…" or :repository_id, then keep the claim checks on top.',
  anchors: { checkov: 'CKV_AWS_358' },
  check(trust) {
    if (trust.kind === 'aws') {
      return trust.statements.flatMap(statement => {
        const { attackerOnly } = analyzeStatement(statement)
        const first = attackerOnly[0]
        if (!first) return []
        return [
          trustFinding(rule, trust, {
            line: first.line,
            message: `${statementLabel(statement)} is scoped only by ${attackerOnly.map(conditionLabel).join(', ')}: no repository condition`,
            identity: `statement-${statement.index}`,
            adminRaise: true
          })
        ]
      })
    }
    if (trust.kind === 'gcp') {
      const cel = analyzeCel(trust.condition)
      if (cel.reach || cel.trivial || cel.attackerClaims.length === 0) return []
      return [
        trustFinding(rule, trust, {
          line: trust.conditionLine,
          message: `attribute_condition checks only ${cel.attackerClaims.join(', ')}: no repository condition`,
          identity: 'condition'
        })
      ]
    }
    return []
  }
}
