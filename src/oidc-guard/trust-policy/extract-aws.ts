import { githubClaimOf, GITHUB_ISSUER_TEXT, type AwsCondition, type AwsStatement, type Locate } from './model.js'
import { cfnString } from './parse/structured.js'

export interface RawCondition {
  operator: string
  key: string
  values: string[]
  line: number
  valueLines: number[]
}

export interface RawStatement {
  index: number
  line: number
  effect: string
  actions: string[]
  principals: string[]
  conditions: RawCondition[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.map(v => cfnString(v) ?? JSON.stringify(v))
}

function appliesToWebIdentity(actions: string[]): boolean {
  if (actions.length === 0) return true
  return actions.some(a => /assumerolewithwebidentity/i.test(a) || a === '*' || /^sts:\*$/i.test(a))
}

/**
 * Keeps the Allow statements that let GitHub's issuer in: by federated
 * principal (the provider ARN, or a reference to a provider resource known to
 * be GitHub's) or by GitHub-issuer condition keys, because the principal is
 * often a variable.
 */
export function githubStatements(raw: RawStatement[], providerRefs: string[]): AwsStatement[] {
  const out: AwsStatement[] = []
  for (const s of raw) {
    if (s.effect.toLowerCase() !== 'allow' || !appliesToWebIdentity(s.actions)) continue
    const conditions: AwsCondition[] = []
    for (const c of s.conditions) {
      const claim = githubClaimOf(c.key)
      if (claim) conditions.push({ operator: c.operator, claim, key: c.key, values: c.values, line: c.line, valueLines: c.valueLines })
    }
    const byPrincipal = s.principals.some(p => GITHUB_ISSUER_TEXT.test(p) || providerRefs.some(ref => p.includes(ref)))
    if (byPrincipal || conditions.length > 0) out.push({ index: s.index, line: s.line, conditions })
  }
  return out
}

/** Statements of an IAM policy document object (JSON, CloudFormation, jsonencode). */
export function rawStatementsOfDocument(doc: Record<string, unknown>, locate: Locate, fallbackLine: number): RawStatement[] {
  const raw = doc.Statement
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : []
  const docLine = locate(doc, 'Statement') ?? fallbackLine
  return list.flatMap((statement, index): RawStatement[] => {
    if (!isRecord(statement)) return []
    const line = (Array.isArray(raw) ? locate(raw, index) : undefined) ?? docLine
    const principal = statement.Principal
    const principals = isRecord(principal) ? strings(principal.Federated) : strings(principal)
    const conditions: RawCondition[] = []
    const condition = statement.Condition
    if (isRecord(condition)) {
      for (const [operator, block] of Object.entries(condition)) {
        if (!isRecord(block)) continue
        const opLine = locate(condition, operator) ?? line
        for (const [key, value] of Object.entries(block)) {
          const keyLine = locate(block, key) ?? opLine
          const values = strings(value)
          const valueLines = values.map((_, i) => (Array.isArray(value) ? locate(value, i) : undefined) ?? keyLine)
          conditions.push({ operator, key, values, line: keyLine, valueLines })
        }
      }
    }
    return [
      {
        index,
        line,
        effect: cfnString(statement.Effect) ?? 'Allow',
        actions: strings(statement.Action),
        principals,
        conditions
      }
    ]
  })
}

const ADMIN_POLICY = /:policy\/AdministratorAccess$/

/** True when a policy document grants Action "*" on Resource "*". */
export function documentIsAdmin(doc: unknown): boolean {
  if (!isRecord(doc)) return false
  const raw = doc.Statement
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : []
  return list.some(
    s => isRecord(s) && (cfnString(s.Effect) ?? 'Allow').toLowerCase() === 'allow' && strings(s.Action).includes('*')
  )
}

export function isAdminPolicyArn(arn: string): boolean {
  return ADMIN_POLICY.test(arn)
}
