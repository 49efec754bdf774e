import { operatorInfo } from '../analysis.js'
import { isWholeInterpolation } from '../subject.js'
import { conditionLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-006',
  name: 'wildcard-operator-mismatch',
  title: 'Wildcard in StringEquals, or StringLike without a wildcard',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'StringEquals compares `*` literally, so the condition never matches and deploys fail (or someone "fixes" it by loosening the trust); StringLike without a wildcard is just an imprecise StringEquals.',
  fix: 'Use StringEquals with exact values; use StringLike only where a wildcard is intended and reviewed.',
  check(trust) {
    if (trust.kind !== 'aws') return []
    return trust.statements.flatMap(statement =>
      statement.conditions.flatMap(c => {
        const info = operatorInfo(c.operator)
        if (info.negated) return []
        if (/^StringEquals/i.test(info.base)) {
          const index = c.values.findIndex(v => v.replace(/\$\{[^}]*\}/g, '').includes('*'))
          if (index < 0) return []
          return [
            trustFinding(rule, trust, {
              line: c.valueLines[index] ?? c.line,
              message: `${conditionLabel(c)} value "${c.values[index]}" contains "*", which StringEquals matches literally: this condition never matches`,
              identity: `${statement.index}:${c.claim}:equals-wildcard`
            })
          ]
        }
        if (info.wildcards && c.values.length > 0 && c.values.every(v => !isWholeInterpolation(v) && !/[*?]/.test(v.replace(/\$\{[^}]*\}/g, '')))) {
          return [
            trustFinding(rule, trust, {
              line: c.line,
              severity: 'info',
              message: `${conditionLabel(c)} has no wildcard in its values; StringEquals states the intent exactly`,
              identity: `${statement.index}:${c.claim}:like-without-wildcard`
            })
          ]
        }
        return []
      })
    )
  }
}
