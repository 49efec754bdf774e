import { analyzeStatement, operatorInfo } from '../analysis.js'
import { statementLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-005',
  name: 'no-audience-condition',
  title: 'AWS trust does not check the token audience',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Without an aud condition a token minted for another relying party (any audience a workflow can request) is accepted.',
  fix: 'Add "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }.',
  check(trust) {
    if (trust.kind !== 'aws') return []
    return trust.statements.flatMap(statement => {
      const { audience } = analyzeStatement(statement)
      if (audience.length === 0) {
        return [
          trustFinding(rule, trust, {
            line: statement.line,
            message: `${statementLabel(statement)} has no token.actions.githubusercontent.com:aud condition`,
            identity: `statement-${statement.index}`
          })
        ]
      }
      const open = audience.find(c => operatorInfo(c.operator).wildcards && c.values.some(v => /^\*+$/.test(v.trim())))
      if (!open) return []
      return [
        trustFinding(rule, trust, {
          line: open.line,
          message: `${statementLabel(statement)} accepts any audience ("${open.values.join('", "')}")`,
          identity: `statement-${statement.index}-wildcard`
        })
      ]
    })
  }
}
