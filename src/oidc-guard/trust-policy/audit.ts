import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { RunContext } from '../../core/context.js'
import { errorMessage, InputFileError } from '../../core/errors.js'
import { collectFiles, displayPath, readTextInput } from '../../core/files.js'
import type { Finding } from '../../core/finding.js'
import type { InputError, ScanResult } from '../../core/result.js'
import { analyzeStatement } from './analysis.js'
import { trustsInStructured } from './extract-structured.js'
import { analyzeCel } from './gcp-condition.js'
import { GITHUB_ISSUER_TEXT, type Trust } from './model.js'
import { parseStructured, StructuredParseError } from './parse/structured.js'
import { githubProviderRefsInText, HclParseError, trustsInTerraform } from './parse/terraform.js'
import { TRUST_POLICY_RULES } from './rules/index.js'

const COMMAND = 'oidc-guard trust-policies'
const ACCEPTED = /\.(json|ya?ml|tf|tpl|template)$/i

type Format = 'terraform' | 'json' | 'yaml'

function formatOf(path: string, text: string): Format {
  if (/\.tf$/i.test(path)) return 'terraform'
  if (/\.(json|tpl)$/i.test(path)) return 'json'
  if (/\.template$/i.test(path)) return text.trimStart().startsWith('{') ? 'json' : 'yaml'
  return 'yaml'
}

/** Text that could hold GitHub trust; other files found by a directory walk are skipped unparsed. */
function mayHoldTrust(text: string): boolean {
  return GITHUB_ISSUER_TEXT.test(text) || /["']?repo:/.test(text) || /aws_iam_policy_document|aws_iam_role|AssumeRoleWithWebIdentity|workload_identity_pool_provider|federated_identity_credential/.test(text)
}

interface Candidate {
  path: string
  explicit: boolean
}

async function candidates(paths: string[], workspace: string): Promise<{ files: Candidate[]; errors: InputError[] }> {
  const files = new Map<string, Candidate>()
  const errors: InputError[] = []
  for (const root of paths.map(p => p.trim()).filter(Boolean)) {
    const info = await stat(resolve(workspace, root)).catch(() => undefined)
    if (info?.isFile()) {
      const shown = displayPath(workspace, root)
      files.set(shown, { path: shown, explicit: true })
      continue
    }
    const found = await collectFiles([root], workspace, p => ACCEPTED.test(p))
    errors.push(...found.errors)
    for (const f of found.files) if (!files.has(f)) files.set(f, { path: f, explicit: false })
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), errors }
}

function scopeSummary(trust: Trust): string {
  if (trust.kind === 'aws') {
    return trust.statements
      .map(s => {
        const a = analyzeStatement(s)
        return a.scope ? `${a.scope.reach} (${a.scope.condition.claim})` : a.attackerOnly.length ? 'attacker claims only' : 'unscoped'
      })
      .join('; ')
  }
  if (trust.kind === 'gcp') {
    const cel = analyzeCel(trust.condition)
    return cel.trivial ? 'unscoped' : (cel.reach ?? 'unrecognized condition')
  }
  return trust.subject ?? trust.expression ?? '—'
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/*
 * What is read (anything else is named in a notice or an error, never passed silently):
 * - *.json: IAM trust documents, `aws iam get-role` output, CloudFormation JSON, gcloud
 *   workload-identity provider JSON (oidc.issuerUri + attributeCondition), Azure federated
 *   credentials (az / Graph / ARM: issuer, subject | claimsMatchingExpression, audiences).
 * - *.yaml|yml|template: CloudFormation with short tags (!Sub keeps its template text, !Ref/!GetAtt
 *   become ${…} placeholders), multi-document YAML, aliases; duplicate keys are errors.
 * - *.tf (via @cdktf/hcl2json): aws_iam_role.assume_role_policy as jsonencode({literal object})
 *   — the object is re-parsed by the HCL parser as `v = {…}` — or heredoc/literal JSON;
 *   data "aws_iam_policy_document" statements; google_iam_workload_identity_pool_provider;
 *   azuread_application_federated_identity_credential / azurerm_federated_identity_credential;
 *   aws_iam_openid_connect_provider (any *.tf of the run) and AdministratorAccess attachments.
 *   jsonencode(merge(…)), file(), templatefile() and variables are notices, not evaluated.
 * - *.tpl (templatefile JSON): bare ${…} values are quoted and treated as "not evaluated";
 *   %{…} directives are errors.
 * Lines in Terraform come from searching the block's text (hcl2json keeps no positions).
 */

/**
 * Audits cloud trust policies that let GitHub Actions OIDC tokens in (AWS
 * IAM JSON / CloudFormation / Terraform, GCP workload identity providers,
 * Azure federated credentials). Malformed files are errors naming file and
 * line; finding no GitHub trust at all is an error too, so a wrong path never
 * passes silently.
 */
export async function runTrustPolicyAudit(ctx: RunContext, options: { paths: string[] }): Promise<ScanResult> {
  const result: ScanResult = { command: COMMAND, findings: [], errors: [], inputs: [], notices: [] }
  if (options.paths.filter(p => p.trim()).length === 0) {
    result.errors.push({ path: '(paths)', message: 'no trust-policy paths given; pass files, directories or globs' })
    return result
  }
  const { files, errors } = await candidates(options.paths, ctx.workspace)
  result.errors.push(...errors)

  const texts = new Map<string, string>()
  for (const file of files) {
    try {
      const text = await readTextInput(file.path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside })
      if (!file.explicit && !mayHoldTrust(text)) continue
      texts.set(file.path, text)
    } catch (error) {
      if (file.explicit || !(error instanceof InputFileError)) result.errors.push({ path: file.path, message: errorMessage(error) })
    }
  }
  // Provider resources may live in another .tf file than the roles that reference them.
  const providerRefs = [...texts].filter(([p]) => /\.tf$/i.test(p)).flatMap(([, text]) => githubProviderRefsInText(text))

  const trusts: Trust[] = []
  for (const [path, text] of texts) {
    result.inputs.push(path)
    try {
      const format = formatOf(path, text)
      if (format === 'terraform') {
        const tf = await trustsInTerraform(path, text, providerRefs)
        trusts.push(...tf.trusts)
        result.notices!.push(...tf.notices)
      } else {
        const source = /\.tpl$/i.test(path) ? quoteTemplateInterpolations(text) : text
        trusts.push(...trustsInStructured(parseStructured(source, format === 'json'), path))
      }
    } catch (error) {
      if (error instanceof StructuredParseError || error instanceof HclParseError) {
        result.errors.push({ path, message: `${path}:${error.line}: ${error.message}` })
      } else {
        result.errors.push({ path, message: `${path}: ${errorMessage(error)}` })
      }
    }
  }

  for (const trust of trusts) {
    for (const rule of TRUST_POLICY_RULES) result.findings.push(...rule.check(trust))
  }
  result.findings.sort(byLocation)
  if (trusts.length === 0 && result.errors.length === 0) {
    result.errors.push({
      path: options.paths.join(', '),
      message: 'no GitHub OIDC trust policy found (no principal or condition key for token.actions.githubusercontent.com, no GitHub workload identity provider or federated credential); check the paths'
    })
  }
  if (trusts.length > 0) {
    const rows = trusts.map(t => `| ${cell(`${t.path}:${t.line}`)} | ${t.kind} | ${cell(t.resource)} | ${cell(scopeSummary(t))} |`)
    result.sections = [{ title: 'GitHub OIDC trust policies', markdown: ['| where | cloud | resource | scope |', '|---|---|---|---|', ...rows].join('\n') }]
  }
  if (result.notices!.length === 0) delete result.notices
  return result
}

/**
 * Terraform templatefile() JSON: bare `${…}` values (e.g. `${jsonencode(subjects)}`) become strings so the
 * JSON parses; they are then judged as "not evaluated". Template directives `%{…}` are not supported.
 */
function quoteTemplateInterpolations(text: string): string {
  if (/%\{/.test(text)) throw new Error('template directives (%{ … }) are not supported; audit the rendered JSON')
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (inString) {
      out += ch
      if (ch === '\\') out += text[++i] ?? ''
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    if (ch === '$' && text[i + 1] === '{') {
      let depth = 0
      let j = i + 1
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++
        else if (text[j] === '}' && --depth === 0) break
      }
      out += JSON.stringify(text.slice(i, j + 1))
      i = j
      continue
    }
    out += ch
  }
  return out
}

function byLocation(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.line - b.line || a.ruleId.localeCompare(b.ruleId)
}
