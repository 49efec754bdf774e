/**
 * What the trust-policy audit reasons about, independent of the file format
 * it came from (IAM JSON, CloudFormation, Terraform, gcloud/az output).
 */

export interface AwsCondition {
  /** As written, e.g. StringLike, ForAnyValue:StringEquals, StringEqualsIfExists. */
  operator: string
  /** GitHub claim name, lower case (sub, aud, repository…). */
  claim: string
  /** The key as written (token.actions.githubusercontent.com:sub). */
  key: string
  values: string[]
  line: number
  valueLines: number[]
}

export interface AwsStatement {
  index: number
  line: number
  /** Only conditions on GitHub-issuer keys. */
  conditions: AwsCondition[]
}

export interface AwsTrust {
  kind: 'aws'
  path: string
  /** Role / data source / document name shown in messages and used in fingerprints. */
  resource: string
  line: number
  statements: AwsStatement[]
  /** The role's permissions look like administrator access (raises severities). */
  adminLike: boolean
}

export interface GcpTrust {
  kind: 'gcp'
  path: string
  resource: string
  line: number
  issuer: string
  condition?: string
  conditionLine: number
}

export interface AzureTrust {
  kind: 'azure'
  path: string
  resource: string
  line: number
  issuer?: string
  issuerLine: number
  subject?: string
  subjectLine: number
  /** Flexible federated credential: claimsMatchingExpression.value */
  expression?: string
  expressionLine: number
  audiences: string[]
  audienceLine: number
}

export type Trust = AwsTrust | GcpTrust | AzureTrust

/** Where a key or list item of a parsed tree was written (1-based line), when known. */
export type Locate = (container: object, key: string | number) => number | undefined

export const GITHUB_ISSUER_HOST = 'token.actions.githubusercontent.com'

/** github.com (incl. GHEC unique issuer /<slug>), ghe.com data residency, GHES /_services/token. */
export const GITHUB_ISSUER_TEXT = /token\.actions\.githubusercontent\.com|token\.actions\.[a-z0-9-]+\.ghe\.com|\/_services\/token/i

const CONDITION_KEY = /^(?:token\.actions\.githubusercontent\.com(?:\/[^:]+)?|token\.actions\.[a-z0-9-]+\.ghe\.com|[^:]+\/_services\/token):([A-Za-z_]+)$/i

/** The claim name of a GitHub-issuer condition key, or undefined for any other key. */
export function githubClaimOf(key: string): string | undefined {
  return CONDITION_KEY.exec(key.trim())?.[1]?.toLowerCase()
}
