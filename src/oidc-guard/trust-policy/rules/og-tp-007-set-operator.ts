import { operatorInfo } from '../analysis.js'
import { conditionLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-007',
  name: 'set-operator-on-single-valued-claim',
  title: 'ForAllValues/ForAnyValue (or …IfExists) on a single-valued token claim',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'ForAllValues is vacuously true when the key is absent or empty, and IfExists passes when it is missing; GitHub claims are single-valued, so these operators only add ways for the condition to be skipped.',
  fix: 'Use plain StringEquals / StringLike on token.actions.githubusercontent.com keys.',
  check(trust) {
    if (trust.kind !== 'aws') return []
    return trust.statements.flatMap(statement =>
      statement.conditions.flatMap(c => {
        const info = operatorInfo(c.operator)
        if (!info.setOperator && !info.ifExists) return []
        const why = info.setOperator === 'ForAllValues' ? 'is true when the claim is missing' : info.setOperator ? 'is meant for multi-valued keys' : 'passes when the claim is missing'
        return [
          trustFinding(rule, trust, {
            line: c.line,
            message: `${conditionLabel(c)}: ${info.setOperator ?? 'IfExists'} ${why}`,
            identity: `${statement.index}:${c.operator}:${c.claim}`
          })
        ]
      })
    )
  }
}
