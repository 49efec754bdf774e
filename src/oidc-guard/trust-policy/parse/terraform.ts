import { parse as parseHcl } from '@cdktf/hcl2json'
import { githubStatements, documentIsAdmin, isAdminPolicyArn, rawStatementsOfDocument, type RawCondition, type RawStatement } from '../extract-aws.js'
import { awsDocumentFaults } from '../shape.js'
import { GITHUB_ISSUER_TEXT, type AzureTrust, type GcpTrust, type Locate, type Trust } from '../model.js'

export class HclParseError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

export interface TerraformResult {
  trusts: Trust[]
  notices: string[]
}

type Blocks = Record<string, Record<string, Array<Record<string, unknown>>>>

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
}

function firstBlock(value: unknown): Record<string, unknown> {
  const first = list(value)[0]
  return isRecord(first) ? first : {}
}

async function hcl(path: string, text: string): Promise<Record<string, unknown>> {
  try {
    return (await parseHcl(path, text)) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // hcl2json reports "file.tf:LINE,COL-…: Summary; Detail"
    const at = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?:\s*([^\]]*)/.exec(message)
    throw new HclParseError(`invalid HCL: ${at ? at[3]!.trim() : message}`, at ? Number(at[1]) : 1)
  }
}

/** Line span of `resource "type" "name" {…}` / `data "type" "name" {…}` in the source. */
function blockSpan(lines: string[], kind: string, type: string, name: string): [number, number] {
  const head = new RegExp(`^\\s*${kind}\\s+"${type}"\\s+"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`)
  const start = lines.findIndex(l => head.test(l))
  if (start < 0) return [1, lines.length]
  let depth = 0
  let opened = false
  for (let i = start; i < lines.length; i++) {
    // Braces inside quoted strings are skipped; heredoc JSON is balanced, so counting it is harmless.
    const code = lines[i]!.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$|\/\/.*$/, '')
    for (const ch of code) {
      if (ch === '{') {
        depth++
        opened = true
      } else if (ch === '}') depth--
    }
    if (opened && depth <= 0) return [start + 1, i + 1]
  }
  return [start + 1, lines.length]
}

function firstStringLeaf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value
  if (depth > 8 || !value || typeof value !== 'object') return undefined
  for (const v of Object.values(value)) {
    const found = firstStringLeaf(v, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * hcl2json drops positions, so lines come from the source text: the first
 * line inside the block that holds the value (or key) searched for.
 */
function textLocator(lines: string[], [from, to]: [number, number]): Locate & { find(needle: string, after?: number): number | undefined } {
  const find = (needle: string, after = from): number | undefined => {
    for (let i = Math.max(after, from); i <= to; i++) if (lines[i - 1]?.includes(needle)) return i
    return undefined
  }
  const nth = (pattern: RegExp, n: number): number | undefined => {
    let seen = -1
    for (let i = from; i <= to; i++) if (pattern.test(lines[i - 1] ?? '') && ++seen === n) return i
    return undefined
  }
  const locate = (container: object, key: string | number): number | undefined => {
    const value = (container as Record<string | number, unknown>)[key]
    // The n-th policy statement: its n-th `Effect` line (hcl2json sorts keys, so leaf order is no guide).
    if (typeof key === 'number' && isRecord(value) && 'Effect' in value) {
      const line = nth(/["\s{]Effect["\s]*[=:]/, key)
      if (line) return line
    }
    const leaf = typeof value === 'string' ? value : firstStringLeaf(value)
    const text = leaf?.replace(/^\$\{(.*)\}$/s, '$1')
    return (text ? find(`"${text}"`) ?? find(text) : undefined) ?? (typeof key === 'string' ? find(key) : undefined)
  }
  return Object.assign(locate, { find })
}

/** `${jsonencode({...})}` → the object, parsed by the HCL parser itself (no hand-made conversion). */
async function jsonencodeObject(path: string, expression: string, line: number): Promise<unknown> {
  const inner = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(expression.trim())?.[1]
  if (inner === undefined) return undefined
  let parsed: Record<string, unknown>
  try {
    parsed = await hcl(path, `v = ${inner}\n`)
  } catch (error) {
    throw new HclParseError(`jsonencode(...) argument is not an HCL object expression: ${(error as Error).message}`, line)
  }
  return parsed.v
}

/** The expression when the whole value is one `${…}` interpolation (nested braces and strings allowed). */
function wholeInterpolation(value: string): string | undefined {
  if (!value.startsWith('${') || !value.endsWith('}')) return undefined
  let depth = 0
  let quoted = false
  for (let i = 1; i < value.length; i++) {
    const ch = value[i]
    if (quoted) {
      if (ch === '\\') i++
      else if (ch === '"') quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return i === value.length - 1 ? value.slice(2, -1).trim() : undefined
  }
  return undefined
}

type PolicyValue = { kind: 'document'; doc: Record<string, unknown> } | { kind: 'reference'; ref: string } | { kind: 'unsupported'; why: string }

async function policyValue(path: string, value: string, line: number): Promise<PolicyValue> {
  const trimmed = value.trim()
  if (/^\$\{\s*jsonencode\(/.test(trimmed)) {
    const doc = await jsonencodeObject(path, trimmed, line)
    if (isRecord(doc)) return { kind: 'document', doc }
    return { kind: 'unsupported', why: 'jsonencode() of a non-literal expression (merge(), locals…)' }
  }
  const whole = wholeInterpolation(trimmed)
  if (whole !== undefined) return { kind: 'reference', ref: whole }
  if (/%\{/.test(trimmed)) return { kind: 'unsupported', why: 'template directives (%{ … }) in the policy text' }
  try {
    const doc = JSON.parse(value) as unknown
    if (isRecord(doc)) return { kind: 'document', doc }
  } catch (error) {
    // Heredoc text starts on the line after `<<EOT`; point at the faulty line inside it.
    const message = (error as Error).message
    const position = /position (\d+)/.exec(message)
    const inside = position ? value.slice(0, Number(position[1])).split('\n').length : 0
    throw new HclParseError(`assume_role_policy is not valid JSON: ${message}`, inside > 0 ? line + inside : line)
  }
  throw new HclParseError('assume_role_policy is not a JSON object', line)
}

/** aws_iam_openid_connect_provider resources whose url is GitHub's issuer: references to them mark GitHub trust. */
function githubProviderRefs(root: Record<string, unknown>): string[] {
  const resources = (root.resource ?? {}) as Blocks
  return Object.entries(resources.aws_iam_openid_connect_provider ?? {})
    .filter(([, blocks]) => GITHUB_ISSUER_TEXT.test(str(firstBlock(blocks).url) ?? ''))
    .map(([name]) => `aws_iam_openid_connect_provider.${name}`)
}

function adminRoles(root: Record<string, unknown>): Set<string> {
  const resources = (root.resource ?? {}) as Blocks
  const admin = new Set<string>()
  for (const blocks of Object.values(resources.aws_iam_role_policy_attachment ?? {})) {
    const b = firstBlock(blocks)
    const role = /aws_iam_role\.([A-Za-z0-9_-]+)\./.exec(str(b.role) ?? '')?.[1]
    if (role && isAdminPolicyArn(str(b.policy_arn) ?? '')) admin.add(role)
  }
  return admin
}

/**
 * Terraform: aws_iam_role.assume_role_policy (jsonencode or heredoc/literal
 * JSON), data "aws_iam_policy_document", google_iam_workload_identity_pool_provider,
 * azuread_application_federated_identity_credential and
 * azurerm_federated_identity_credential. Other expressions are named in notices.
 */
export async function trustsInTerraform(path: string, text: string, extraProviderRefs: string[] = []): Promise<TerraformResult> {
  const root = await hcl(path, text)
  const lines = text.split(/\r?\n/)
  const trusts: Trust[] = []
  const notices: string[] = []
  const resources = (root.resource ?? {}) as Blocks
  const data = (root.data ?? {}) as Blocks
  const providerRefs = [...githubProviderRefs(root), ...extraProviderRefs]
  const admin = adminRoles(root)

  const adminDocuments = new Set<string>()
  for (const [name, blocks] of Object.entries(resources.aws_iam_role ?? {})) {
    const block = firstBlock(blocks)
    const span = blockSpan(lines, 'resource', 'aws_iam_role', name)
    const locator = textLocator(lines, span)
    const raw = str(block.assume_role_policy)
    if (raw === undefined) continue
    const line = locator.find('assume_role_policy') ?? span[0]
    const value = await policyValue(path, raw, line)
    if (value.kind === 'reference') {
      const document = /^data\.aws_iam_policy_document\.([\w-]+)\.json$/.exec(value.ref)?.[1]
      if (document) {
        // The data source is audited as its own block; it inherits this role's admin-ness.
        if (admin.has(name) || (await roleAdminLike(path, block, line))) adminDocuments.add(document)
      } else {
        notices.push(`${path}:${line}: aws_iam_role.${name}: assume_role_policy = ${value.ref} is not evaluated; audit the rendered policy (file/template/variable) directly`)
      }
      continue
    }
    if (value.kind === 'unsupported') {
      // Not evaluated is not the same as clean: say so for every role whose policy could not be read.
      notices.push(`${path}:${line}: aws_iam_role.${name}: ${value.why} is not evaluated; audit the rendered policy JSON instead`)
      continue
    }
    // A wrong-typed Statement/Condition would be read as absent: fail the file instead.
    const fault = awsDocumentFaults(value.doc, locator, line)[0]
    if (fault) throw new HclParseError(`aws_iam_role.${name}: ${fault.message}`, fault.line)
    const statements = githubStatements(rawStatementsOfDocument(value.doc, locator, line), providerRefs)
    if (statements.length === 0) continue
    const adminLike = admin.has(name) || (await roleAdminLike(path, block, line))
    trusts.push({ kind: 'aws', path, resource: `aws_iam_role.${name}`, line, statements, adminLike })
  }

  for (const [name, blocks] of Object.entries(data.aws_iam_policy_document ?? {})) {
    const span = blockSpan(lines, 'data', 'aws_iam_policy_document', name)
    const locator = textLocator(lines, span)
    const statements = githubStatements(policyDocumentStatements(firstBlock(blocks), locator, span[0]), providerRefs)
    if (statements.length > 0) {
      trusts.push({ kind: 'aws', path, resource: `data.aws_iam_policy_document.${name}`, line: span[0], statements, adminLike: adminDocuments.has(name) })
    }
  }

  for (const [name, blocks] of Object.entries(resources.google_iam_workload_identity_pool_provider ?? {})) {
    const block = firstBlock(blocks)
    const issuer = str(firstBlock(block.oidc).issuer_uri)
    if (!issuer || !GITHUB_ISSUER_TEXT.test(issuer)) continue
    const span = blockSpan(lines, 'resource', 'google_iam_workload_identity_pool_provider', name)
    const locator = textLocator(lines, span)
    const condition = block.attribute_condition
    if (condition !== undefined && condition !== null && typeof condition !== 'string') {
      throw new HclParseError(`google_iam_workload_identity_pool_provider.${name}: \`attribute_condition\` must be a string (a CEL expression)`, locator.find('attribute_condition') ?? span[0])
    }
    const gcp: GcpTrust = {
      kind: 'gcp',
      path,
      resource: `google_iam_workload_identity_pool_provider.${name}`,
      line: span[0],
      issuer,
      condition: str(block.attribute_condition),
      conditionLine: locator.find('attribute_condition') ?? span[0]
    }
    trusts.push(gcp)
  }

  for (const type of ['azuread_application_federated_identity_credential', 'azurerm_federated_identity_credential']) {
    for (const [name, blocks] of Object.entries(resources[type] ?? {})) {
      const block = firstBlock(blocks)
      const issuer = str(block.issuer)
      const subject = str(block.subject)
      if (!(GITHUB_ISSUER_TEXT.test(issuer ?? '') || /repo:/.test(subject ?? ''))) continue
      const span = blockSpan(lines, 'resource', type, name)
      const locator = textLocator(lines, span)
      const audienceKey = 'audiences' in block ? 'audiences' : 'audience'
      const audiences = block[audienceKey]
      // list(string) in both providers; a lone literal string is a broken file (`"${var.x}"` is a reference, not evaluated).
      if (typeof audiences === 'string' && !/^\$\{[\s\S]*\}$/.test(audiences.trim())) {
        throw new HclParseError(`${type}.${name}: \`${audienceKey}\` must be a list of strings`, locator.find(audienceKey) ?? span[0])
      }
      for (const key of ['issuer', 'subject']) {
        if (block[key] !== undefined && block[key] !== null && typeof block[key] !== 'string') {
          throw new HclParseError(`${type}.${name}: \`${key}\` must be a string`, locator.find(key) ?? span[0])
        }
      }
      const azure: AzureTrust = {
        kind: 'azure',
        path,
        resource: `${type}.${name}`,
        line: span[0],
        issuer,
        issuerLine: locator.find('issuer') ?? span[0],
        subject,
        subjectLine: locator.find('subject') ?? span[0],
        expressionLine: span[0],
        audiences: list(block[audienceKey]).map(a => str(a) ?? ''),
        audienceLine: locator.find(audienceKey) ?? span[0]
      }
      trusts.push(azure)
    }
  }
  return { trusts, notices }
}

async function roleAdminLike(path: string, block: Record<string, unknown>, line: number): Promise<boolean> {
  if (list(block.managed_policy_arns).some(arn => isAdminPolicyArn(str(arn) ?? ''))) return true
  const inline = await Promise.all(list(block.inline_policy).map(async p => (isRecord(p) && str(p.policy) ? policyAdmin(path, str(p.policy)!, line) : false)))
  return inline.some(Boolean)
}

async function policyAdmin(path: string, raw: string, line: number): Promise<boolean> {
  try {
    const value = await policyValue(path, raw, line)
    return value.kind === 'document' && documentIsAdmin(value.doc)
  } catch {
    return false
  }
}

/** A whole-value interpolation `${var.x}` is written bare in HCL; anything else is a quoted string. */
function needleOf(value: string): string {
  const whole = /^\$\{(.*)\}$/s.exec(value)
  return whole ? whole[1]!.trim() : `"${value}"`
}

/** data "aws_iam_policy_document": statement { effect, actions, principals {…}, condition { test, variable, values } } */
function policyDocumentStatements(block: Record<string, unknown>, locator: ReturnType<typeof textLocator>, fallback: number): RawStatement[] {
  let cursor = fallback
  return list(block.statement).flatMap((s, index): RawStatement[] => {
    if (!isRecord(s)) return []
    const line = locator.find('statement', cursor + (index === 0 ? 0 : 1)) ?? fallback
    cursor = line
    const principals = list(s.principals).flatMap(p =>
      isRecord(p) && (str(p.type) ?? '').toLowerCase() === 'federated' ? list(p.identifiers).map(i => str(i) ?? '') : []
    )
    const conditions: RawCondition[] = list(s.condition).flatMap((c): RawCondition[] => {
      if (!isRecord(c)) return []
      const key = str(c.variable) ?? ''
      const values = list(c.values).map(v => str(v) ?? '')
      const keyLine = locator.find(key, line) ?? line
      return [{ operator: str(c.test) ?? '', key, values, line: keyLine, valueLines: values.map(v => locator.find(needleOf(v), line) ?? keyLine) }]
    })
    return [{ index, line, effect: str(s.effect) ?? 'Allow', actions: list(s.actions).map(a => str(a) ?? ''), principals, conditions }]
  })
}

/** Names (aws_iam_openid_connect_provider.NAME) of GitHub OIDC provider resources, found in the raw text. */
export function githubProviderRefsInText(text: string): string[] {
  const lines = text.split(/\r?\n/)
  const refs: string[] = []
  for (const m of text.matchAll(/resource\s+"aws_iam_openid_connect_provider"\s+"([^"]+)"/g)) {
    const [from, to] = blockSpan(lines, 'resource', 'aws_iam_openid_connect_provider', m[1]!)
    if (GITHUB_ISSUER_TEXT.test(lines.slice(from - 1, to).join('\n'))) refs.push(`aws_iam_openid_connect_provider.${m[1]}`)
  }
  return refs
}
