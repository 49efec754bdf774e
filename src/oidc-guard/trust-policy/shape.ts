import { GITHUB_ISSUER_TEXT, type Locate } from './model.js'
import { cfnString } from './parse/structured.js'

/**
 * Type checks for the trust fields the audit reads. A field of the wrong type
 * (`"audiences": "x"`, `"Statement": "x"`) would otherwise be read as absent
 * or as something else, and the policy judged on what is left: fail closed.
 */
export interface ShapeFault {
  message: string
  line: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function absent(value: unknown): boolean {
  return value === undefined || value === null
}

/** A string, or a CloudFormation intrinsic that stands for one. */
function isText(value: unknown): boolean {
  return typeof value === 'string' || (isRecord(value) && cfnString(value) !== undefined)
}

/** Condition values may be numbers or booleans too (NumericLessThan, Bool). */
function isScalarValue(value: unknown): boolean {
  return isText(value) || typeof value === 'number' || typeof value === 'boolean'
}

function isTextOrTextList(value: unknown): boolean {
  return isScalarValue(value) || (Array.isArray(value) && value.every(isScalarValue))
}

/** Whether a record mentions GitHub anywhere (issuer, repo: subjects): only those are judged here. */
function mentionsGithub(record: Record<string, unknown>): boolean {
  const text = JSON.stringify(record) ?? ''
  return GITHUB_ISSUER_TEXT.test(text) || /repo:/.test(text)
}

/** IAM policy document: Statement, its items, Principal, Action, Effect, Condition blocks. */
export function awsDocumentFaults(doc: Record<string, unknown>, locate: Locate, fallbackLine: number): ShapeFault[] {
  const faults: ShapeFault[] = []
  const raw = doc.Statement
  const docLine = locate(doc, 'Statement') ?? fallbackLine
  if (absent(raw)) return faults
  if (!Array.isArray(raw) && !isRecord(raw)) return [{ message: '`Statement` must be an object or a list of objects', line: docLine }]
  const statements = Array.isArray(raw) ? raw : [raw]
  statements.forEach((statement, index) => {
    const line = (Array.isArray(raw) ? locate(raw, index) : undefined) ?? docLine
    if (!isRecord(statement)) {
      faults.push({ message: `Statement[${index}] must be an object`, line })
      return
    }
    const at = (key: string): number => locate(statement, key) ?? line
    if (!absent(statement.Effect) && !isText(statement.Effect)) faults.push({ message: `Statement[${index}].Effect must be a string`, line: at('Effect') })
    if (!absent(statement.Action) && !isTextOrTextList(statement.Action)) faults.push({ message: `Statement[${index}].Action must be a string or a list of strings`, line: at('Action') })
    const principal = statement.Principal
    if (!absent(principal)) {
      if (isRecord(principal) && cfnString(principal) === undefined) {
        if (!absent(principal.Federated) && !isTextOrTextList(principal.Federated)) faults.push({ message: `Statement[${index}].Principal.Federated must be a string or a list of strings`, line: locate(principal, 'Federated') ?? at('Principal') })
      } else if (!isTextOrTextList(principal)) {
        faults.push({ message: `Statement[${index}].Principal must be an object or a string`, line: at('Principal') })
      }
    }
    const condition = statement.Condition
    if (absent(condition)) return
    if (!isRecord(condition)) {
      faults.push({ message: `Statement[${index}].Condition must be an object of operators`, line: at('Condition') })
      return
    }
    for (const [operator, block] of Object.entries(condition)) {
      const opLine = locate(condition, operator) ?? at('Condition')
      if (!isRecord(block)) {
        faults.push({ message: `Statement[${index}].Condition.${operator} must be an object of condition keys`, line: opLine })
        continue
      }
      for (const [key, value] of Object.entries(block)) {
        if (!isTextOrTextList(value)) faults.push({ message: `Statement[${index}].Condition.${operator}["${key}"] must be a string or a list of strings`, line: locate(block, key) ?? opLine })
      }
    }
  })
  return faults
}

/** Azure federated identity credential (az / Graph / ARM): issuer, subject, claimsMatchingExpression, audiences. */
export function azureCredentialFaults(record: Record<string, unknown>, locate: Locate): ShapeFault[] {
  if (!('issuer' in record) || !('subject' in record || 'claimsMatchingExpression' in record) || !mentionsGithub(record)) return []
  const faults: ShapeFault[] = []
  const line = locate(record, 'issuer') ?? 1
  const at = (key: string): number => locate(record, key) ?? line
  if (!isText(record.issuer)) faults.push({ message: 'federated credential `issuer` must be a string', line })
  if (!absent(record.subject) && !isText(record.subject)) faults.push({ message: 'federated credential `subject` must be a string', line: at('subject') })
  const expression = record.claimsMatchingExpression
  if (!absent(expression)) {
    if (!isRecord(expression)) faults.push({ message: 'federated credential `claimsMatchingExpression` must be an object with `value` and `languageVersion`', line: at('claimsMatchingExpression') })
    else if (!isText(expression.value)) faults.push({ message: '`claimsMatchingExpression.value` must be a string', line: locate(expression, 'value') ?? at('claimsMatchingExpression') })
  }
  if (absent(record.subject) && absent(expression)) faults.push({ message: 'federated credential has neither `subject` nor `claimsMatchingExpression`', line })
  for (const key of ['audiences', 'audience']) {
    const value = record[key]
    if (absent(value)) continue
    // Graph and ARM spell it `audiences` (a list); a lone string there is a broken file, not one audience.
    const ok = key === 'audiences' ? Array.isArray(value) && value.every(isText) : isTextOrTextList(value)
    if (!ok) faults.push({ message: `federated credential \`${key}\` must be a list of strings`, line: at(key) })
  }
  return faults
}

/** GCP workload identity provider (gcloud JSON): oidc.issuerUri, oidc.allowedAudiences, attributeCondition. */
export function gcpProviderFaults(record: Record<string, unknown>, locate: Locate): ShapeFault[] {
  if (!('oidc' in record) || !mentionsGithub(record)) return []
  const faults: ShapeFault[] = []
  const line = locate(record, 'oidc') ?? 1
  const oidc = record.oidc
  if (!isRecord(oidc)) return [{ message: 'workload identity provider `oidc` must be an object', line }]
  for (const key of ['issuerUri', 'issuer_uri']) {
    if (key in oidc && !isText(oidc[key])) faults.push({ message: `\`oidc.${key}\` must be a string`, line: locate(oidc, key) ?? line })
  }
  for (const key of ['allowedAudiences', 'allowed_audiences']) {
    const value = oidc[key]
    if (!absent(value) && !(Array.isArray(value) && value.every(isText))) faults.push({ message: `\`oidc.${key}\` must be a list of strings`, line: locate(oidc, key) ?? line })
  }
  for (const key of ['attributeCondition', 'attribute_condition']) {
    if (!absent(record[key]) && !isText(record[key])) faults.push({ message: `\`${key}\` must be a string (a CEL expression)`, line: locate(record, key) ?? line })
  }
  for (const key of ['attributeMapping', 'attribute_mapping']) {
    if (!absent(record[key]) && !isRecord(record[key])) faults.push({ message: `\`${key}\` must be an object`, line: locate(record, key) ?? line })
  }
  return faults
}
