import type { AzureTrust } from '../model.js'
import { claimReach, REACH_RANK, type ValueReach } from '../subject.js'

export const AZURE_AUDIENCE = 'api://AzureADTokenExchange'

/**
 * Flexible federated credentials: claimsMatchingExpression such as
 * `claims['sub'] matches 'repo:contoso/*' and claims['job_workflow_ref'] matches '…'`.
 * Clauses joined by `and` narrow (narrowest wins); with any `or` the broadest counts.
 */
export function azureExpressionReach(trust: AzureTrust): { pattern: string; reach: ValueReach } | undefined {
  if (!trust.expression) return undefined
  const anyOr = /\sor\s/i.test(trust.expression)
  let chosen: { pattern: string; reach: ValueReach } | undefined
  for (const m of trust.expression.matchAll(/claims\[\s*'([a-z_]+)'\s*\]\s+(matches|eq)\s+'([^']*)'/gi)) {
    const reach = claimReach(m[1]!.toLowerCase(), m[3]!, m[2]!.toLowerCase() === 'matches')
    if (!reach) continue
    const wider = !chosen || REACH_RANK[reach.reach] < REACH_RANK[chosen.reach.reach]
    if (!chosen || anyOr === wider) chosen = { pattern: m[3]!, reach }
  }
  return chosen
}
