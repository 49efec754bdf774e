import { documentIsAdmin, githubStatements, isAdminPolicyArn, rawStatementsOfDocument } from './extract-aws.js'
import { GITHUB_ISSUER_TEXT, type AzureTrust, type GcpTrust, type Locate, type Trust } from './model.js'
import { cfnString, StructuredParseError, type StructuredFile } from './parse/structured.js'
import { awsDocumentFaults, azureCredentialFaults, gcpProviderFaults, type ShapeFault } from './shape.js'

/** The first wrong-typed field fails the file, with its line (never read as absent). */
function failOn(faults: ShapeFault[]): void {
  const first = faults[0]
  if (first) throw new StructuredParseError(first.message, first.line)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

/**
 * Finds GitHub trust in a parsed JSON/YAML file: CloudFormation roles
 * (AssumeRolePolicyDocument), plain IAM trust documents or `aws iam get-role`
 * output, GCP workload identity providers (gcloud JSON) and Azure federated
 * identity credentials (az / Graph / ARM JSON). Throws StructuredParseError
 * (with the line) for a trust field of the wrong type.
 */
export function trustsInStructured(file: StructuredFile, path: string): Trust[] {
  const { value: root, locate } = file
  const trusts: Trust[] = []
  const seen = new Set<object>()
  const providerRefs: string[] = []

  const resources = isRecord(root) && isRecord(root.Resources) ? root.Resources : undefined
  if (resources) {
    for (const [id, res] of Object.entries(resources)) {
      if (!isRecord(res) || res.Type !== 'AWS::IAM::OIDCProvider' || !isRecord(res.Properties)) continue
      if (GITHUB_ISSUER_TEXT.test(cfnString(res.Properties.Url) ?? '')) providerRefs.push(id)
    }
    for (const [id, res] of Object.entries(resources)) {
      if (!isRecord(res) || res.Type !== 'AWS::IAM::Role' || !isRecord(res.Properties)) continue
      const props = res.Properties
      const doc = props.AssumeRolePolicyDocument
      const line = locate(props, 'AssumeRolePolicyDocument') ?? locate(resources, id) ?? 1
      if (!isRecord(doc)) {
        if (doc !== undefined && doc !== null) failOn([{ message: `${id}: AssumeRolePolicyDocument must be an object`, line }])
        continue
      }
      seen.add(doc)
      failOn(awsDocumentFaults(doc, locate, line))
      const statements = githubStatements(rawStatementsOfDocument(doc, locate, line), providerRefs)
      if (statements.length === 0) continue
      const adminLike =
        list(props.ManagedPolicyArns).some(arn => isAdminPolicyArn(cfnString(arn) ?? '')) ||
        list(props.Policies).some(p => isRecord(p) && documentIsAdmin(p.PolicyDocument))
      trusts.push({ kind: 'aws', path, resource: id, line, statements, adminLike })
    }
  }

  const walk = (node: unknown, label: string, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${label}[${i}]`, depth + 1))
      return
    }
    const record = node as Record<string, unknown>
    if ('Statement' in record) {
      const line = locate(record, 'Statement') ?? 1
      failOn(awsDocumentFaults(record, locate, line))
      const statements = githubStatements(rawStatementsOfDocument(record, locate, line), providerRefs)
      if (statements.length > 0) trusts.push({ kind: 'aws', path, resource: label || 'trust policy', line, statements, adminLike: false })
    }
    failOn(gcpProviderFaults(record, locate))
    failOn(azureCredentialFaults(record, locate))
    const gcp = gcpProvider(record, label, path, locate)
    if (gcp) trusts.push(gcp)
    const azure = azureCredential(record, label, path, locate)
    if (azure) trusts.push(azure)
    for (const [key, value] of Object.entries(record)) {
      // `aws iam get-role` output names the role; use it as the label.
      const name = key === 'AssumeRolePolicyDocument' && typeof record.RoleName === 'string' ? record.RoleName : label ? `${label}.${key}` : key
      walk(value, name, depth + 1)
    }
  }
  walk(root, '', 0)
  return trusts
}

function gcpProvider(record: Record<string, unknown>, label: string, path: string, locate: Locate): GcpTrust | undefined {
  const oidc = record.oidc
  if (!isRecord(oidc)) return undefined
  const issuer = cfnString(oidc.issuerUri ?? oidc.issuer_uri)
  if (!issuer || !GITHUB_ISSUER_TEXT.test(issuer)) return undefined
  const conditionKey = 'attributeCondition' in record ? 'attributeCondition' : 'attribute_condition'
  const line = locate(record, 'oidc') ?? 1
  return {
    kind: 'gcp',
    path,
    resource: cfnString(record.name) ?? cfnString(record.displayName) ?? (label || 'workload identity provider'),
    line,
    issuer,
    condition: cfnString(record[conditionKey]),
    conditionLine: locate(record, conditionKey) ?? line
  }
}

function azureCredential(record: Record<string, unknown>, label: string, path: string, locate: Locate): AzureTrust | undefined {
  const issuer = cfnString(record.issuer)
  if (issuer === undefined) return undefined
  const subject = cfnString(record.subject)
  const expressionRecord = record.claimsMatchingExpression
  const expression = isRecord(expressionRecord) ? cfnString(expressionRecord.value) : cfnString(expressionRecord)
  if (subject === undefined && expression === undefined) return undefined
  const github = GITHUB_ISSUER_TEXT.test(issuer) || /repo:/.test(subject ?? '') || /repo:/.test(expression ?? '')
  if (!github) return undefined
  const audienceKey = 'audiences' in record ? 'audiences' : 'audience'
  const line = locate(record, 'issuer') ?? 1
  return {
    kind: 'azure',
    path,
    resource: cfnString(record.name) ?? cfnString(record.display_name) ?? (label || 'federated credential'),
    line,
    issuer,
    issuerLine: line,
    subject,
    subjectLine: locate(record, 'subject') ?? line,
    expression,
    expressionLine: locate(record, 'claimsMatchingExpression') ?? line,
    audiences: list(record[audienceKey]).map(a => cfnString(a) ?? String(a)),
    audienceLine: locate(record, audienceKey) ?? line
  }
}
