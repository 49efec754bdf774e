import type { AwsCondition, AwsStatement } from './model.js'
import { ATTACKER_CLAIMS, claimReach, REACH_RANK, type Reach, type ValueReach } from './subject.js'

export interface OperatorInfo {
  base: string
  setOperator?: 'ForAllValues' | 'ForAnyValue'
  ifExists: boolean
  negated: boolean
  wildcards: boolean
}

export function operatorInfo(operator: string): OperatorInfo {
  const m = /^(?:(ForAllValues|ForAnyValue):)?(.*?)(IfExists)?$/i.exec(operator.trim())!
  const base = m[2] ?? ''
  const set = m[1]?.toLowerCase()
  return {
    base,
    setOperator: set === 'forallvalues' ? 'ForAllValues' : set === 'foranyvalue' ? 'ForAnyValue' : undefined,
    ifExists: !!m[3],
    negated: /not/i.test(base),
    wildcards: /like/i.test(base)
  }
}

const POSITIVE_MATCH = /^(StringEquals|StringEqualsIgnoreCase|StringLike)$/i

export interface ConditionReach {
  condition: AwsCondition
  reach: Reach
  /** Index of the value that makes the condition this broad. */
  valueIndex: number
  detail: ValueReach
}

export interface StatementAnalysis {
  /** Narrowest scoping condition, undefined when nothing scopes the repository. */
  scope?: ConditionReach
  scoping: ConditionReach[]
  attackerOnly: AwsCondition[]
  audience: AwsCondition[]
  /** Some scoping value names a repository/owner by name and no id/immutable form is required. */
  nameBasedOnly: boolean
}

const cache = new WeakMap<AwsStatement, StatementAnalysis>()

/** Positive string match (StringEquals/Like/IgnoreCase, incl. For…/IfExists variants) on a claim. */
export function isPositiveMatch(condition: AwsCondition): boolean {
  const info = operatorInfo(condition.operator)
  return !info.negated && POSITIVE_MATCH.test(info.base)
}

export function analyzeStatement(statement: AwsStatement): StatementAnalysis {
  const hit = cache.get(statement)
  if (hit) return hit
  const reaches: ConditionReach[] = []
  for (const condition of statement.conditions) {
    if (!isPositiveMatch(condition)) continue
    const { wildcards } = operatorInfo(condition.operator)
    let broadest: ConditionReach | undefined
    condition.values.forEach((value, valueIndex) => {
      const detail = claimReach(condition.claim, value, wildcards)
      // A "weak" value (e.g. a custom sub "workflow:Deploy") is ORed with the others: any repository can emit it.
      if (detail && (!broadest || REACH_RANK[detail.reach] < REACH_RANK[broadest.reach])) broadest = { condition, reach: detail.reach, valueIndex, detail }
    })
    if (broadest) reaches.push(broadest)
  }
  const narrowest = reaches.reduce<ConditionReach | undefined>((n, c) => (!n || REACH_RANK[c.reach] > REACH_RANK[n.reach] ? c : n), undefined)
  const scope = narrowest && narrowest.reach !== 'weak' ? narrowest : undefined
  const scoping = reaches.filter(c => c.reach !== 'weak')
  const attackerOnly = scope
    ? []
    : [...statement.conditions.filter(c => isPositiveMatch(c) && ATTACKER_CLAIMS.has(c.claim)), ...reaches.filter(c => c.reach === 'weak').map(c => c.condition)]
  const audience = statement.conditions.filter(c => c.claim === 'aud' && isPositiveMatch(c))
  const immutableRequired = scoping.some(c => c.condition.values.every(v => claimReach(c.condition.claim, v, false)?.immutable))
  const nameBasedOnly = !!scope && !immutableRequired && scoping.some(c => c.detail.nameBased)
  const result = { scope, scoping, attackerOnly, audience, nameBasedOnly }
  cache.set(statement, result)
  return result
}
