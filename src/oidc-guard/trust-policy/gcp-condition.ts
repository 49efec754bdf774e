import { ATTACKER_CLAIMS, claimReach, REACH_RANK, type Reach, type ValueReach } from './subject.js'

export interface CelComparison {
  claim: string
  values: string[]
  kind: 'eq' | 'prefix'
}

export interface CelAnalysis {
  /** No condition, or one that references no claim at all (`true`, `1 == 1`). */
  trivial: boolean
  comparisons: CelComparison[]
  reach?: Reach
  detail?: ValueReach
  attackerClaims: string[]
  nameBasedOnly: boolean
}

const REF = String.raw`(?:assertion|attribute|google)\.(\w+)`
/** A quoted CEL string whose quote is capture group `n` (content is group n+1). */
const quoted = (n: number): string => `(['"])((?:\\\\.|(?!\\${n}).)*)\\${n}`

function claimName(name: string): string {
  return name === 'subject' ? 'sub' : name.toLowerCase()
}

/**
 * Reads the comparisons a GCP attribute_condition (CEL) makes on token
 * claims: `==`, `in [...]`, `.startsWith(...)`. A heuristic, not a CEL
 * evaluator: with `||` anywhere the broadest comparison counts, otherwise
 * (all `&&`) the narrowest.
 */
export function analyzeCel(condition: string | undefined): CelAnalysis {
  const text = (condition ?? '').trim()
  const comparisons: CelComparison[] = []
  for (const m of text.matchAll(new RegExp(`${REF}\\s*==\\s*${quoted(2)}`, 'g'))) comparisons.push({ claim: claimName(m[1]!), values: [m[3]!], kind: 'eq' })
  for (const m of text.matchAll(new RegExp(`${quoted(1)}\\s*==\\s*${REF}`, 'g'))) comparisons.push({ claim: claimName(m[3]!), values: [m[2]!], kind: 'eq' })
  for (const m of text.matchAll(new RegExp(`${REF}\\.startsWith\\(\\s*${quoted(2)}\\s*\\)`, 'g'))) comparisons.push({ claim: claimName(m[1]!), values: [m[3]!], kind: 'prefix' })
  for (const m of text.matchAll(new RegExp(`${REF}\\s+in\\s+\\[([^\\]]*)\\]`, 'g'))) {
    const values = [...m[2]!.matchAll(/(['"])((?:\\.|(?!\1).)*)\1/g)].map(v => v[2]!)
    comparisons.push({ claim: claimName(m[1]!), values, kind: 'eq' })
  }
  const trivial = text === '' || !new RegExp(REF).test(text)
  const reaches: ValueReach[] = []
  for (const c of comparisons) {
    let broadest: ValueReach | undefined
    for (const v of c.values) {
      const r = c.kind === 'prefix' ? claimReach(c.claim, `${v}*`, true) : claimReach(c.claim, v, false)
      if (r && r.reach !== 'weak' && (!broadest || REACH_RANK[r.reach] < REACH_RANK[broadest.reach])) broadest = r
    }
    if (broadest) reaches.push(broadest)
  }
  const anyOr = text.includes('||')
  const detail = reaches.reduce<ValueReach | undefined>((acc, r) => {
    if (!acc) return r
    const wider = REACH_RANK[r.reach] < REACH_RANK[acc.reach]
    return anyOr === wider ? r : acc
  }, undefined)
  const attackerClaims = detail ? [] : [...new Set(comparisons.map(c => c.claim).filter(c => ATTACKER_CLAIMS.has(c)))]
  const immutable = reaches.some(r => r.immutable)
  return { trivial, comparisons, reach: detail?.reach, detail, attackerClaims, nameBasedOnly: !!detail && !immutable && reaches.some(r => r.nameBased) }
}
