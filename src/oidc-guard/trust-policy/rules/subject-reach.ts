import type { Finding } from '../../../core/finding.js'
import type { RuleMeta } from '../../../core/rule.js'
import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import type { Reach } from '../subject.js'
import { azureExpressionReach } from './azure.js'
import { conditionLabel, trustFinding } from './types.js'
import type { Trust } from '../model.js'

/** Which subject reaches a rule reports, per cloud (Azure expressions have no pull-request reach). */
export interface ReachSelection {
  aws: readonly Reach[]
  gcp: readonly Reach[]
  azure: readonly Reach[]
  /** How an Azure finding names what it quotes. */
  azureLabel: string
}

/**
 * The shared check of the subject-breadth rules (OG-TP-002/003/004): each
 * cloud's trust is reduced to its broadest subject reach, and the rule
 * reports the reaches it is about.
 */
export function subjectReachFindings(rule: RuleMeta, trust: Trust, select: ReachSelection): Finding[] {
  if (trust.kind === 'aws') {
    return trust.statements.flatMap(statement => {
      const scope = analyzeStatement(statement).scope
      if (!scope || !select.aws.includes(scope.reach)) return []
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
    if (cel.reach === undefined || !select.gcp.includes(cel.reach)) return []
    return [trustFinding(rule, trust, { line: trust.conditionLine, message: `attribute_condition: ${cel.detail!.why}`, identity: 'condition' })]
  }
  const expr = azureExpressionReach(trust)
  if (!expr || !select.azure.includes(expr.reach.reach)) return []
  return [trustFinding(rule, trust, { line: trust.expressionLine, message: `${select.azureLabel}: ${expr.reach.why}`, identity: expr.pattern })]
}
