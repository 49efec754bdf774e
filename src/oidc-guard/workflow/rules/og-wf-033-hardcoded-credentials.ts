import { isMap, isScalar, type Node } from 'yaml'
import type { Finding } from '../../../core/finding.js'
import type { Job, Step } from '../model.js'
import { childOf, scalarsUnder } from '../yaml-nodes.js'
import { report, type RuleContext, type WorkflowRule } from '../rule.js'
import { hasExpression, isPlaceholder } from '../secrets.js'

/** Credential formats that are unambiguous on their own. */
const PATTERNS: Array<{ name: string; re: RegExp }> = [
  { name: 'AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub personal access token', re: /\bghp_[A-Za-z0-9]{36}\b/ },
  { name: 'GitHub fine-grained personal access token', re: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/ },
  { name: 'GitHub OAuth/app token', re: /\bgh[ousr]_[A-Za-z0-9]{36}\b/ },
  { name: 'npm access token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'PyPI API token', re: /\bpypi-AgE[A-Za-z0-9_-]{50,}/ },
  { name: 'private key', re: /-----BEGIN (RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----/ }
]

/** Cheap pre-filter: most scalars contain none of the prefixes. */
const ANY_PATTERN = /AKIA|ASIA|gh[pousr]_|github_pat_|npm_|pypi-|PRIVATE KEY/

/** Inputs and env vars whose value is a credential by definition. */
const SECRET_INPUTS = /^(password|aws-secret-access-key|credentials_json|creds|client-secret|client_secret|api-key|api_key|apikey|secret-key|private-key|private_key|service_account_key)$/i
const SECRET_ENV =
  /^(AWS_SECRET_ACCESS_KEY|AZURE_CLIENT_SECRET|ARM_CLIENT_SECRET|NODE_AUTH_TOKEN|NPM_TOKEN|TWINE_PASSWORD|GH_TOKEN|GITHUB_TOKEN|VAULT_TOKEN|CARGO_REGISTRY_TOKEN|GEM_HOST_API_KEY|UV_PUBLISH_TOKEN|DOCKER_PASSWORD|GOOGLE_CREDENTIALS)$/

export const rule: WorkflowRule = {
  id: 'OG-WF-033',
  name: 'hardcoded-credentials',
  title: 'Hard-coded credential in the workflow',
  severity: 'critical',
  kind: 'secret',
  rationale:
    'Anything written in a workflow file is readable by everyone with read access to the repository (everyone, for public ones), is kept forever in git history, and is not masked in logs. Known token formats (AKIA…, ghp_…, github_pat_…), container/service registry passwords and literal values for secret inputs are reported.',
  fix: 'Revoke the credential now (it is in git history), store its replacement as an encrypted secret or — better — switch to OIDC, and reference it as `${{ secrets.NAME }}`.',
  anchors: { actionlint: 'credentials', zizmor: 'hardcoded-container-credentials' },
  check: ctx => {
    const out: Finding[] = []
    for (const job of ctx.file.jobs) out.push(...containerPasswords(ctx, job), ...literalInputs(ctx, job), ...tokenPatterns(ctx, job.node, job))
    const env = ctx.file.env
    for (const [key, value] of Object.entries(env)) {
      if (SECRET_ENV.test(key) && isLiteral(value.value)) out.push(literalFinding(ctx, undefined, undefined, `env ${key}`, value.line))
    }
    return dedupe(out)
  }
}

function isLiteral(value: string): boolean {
  const v = value.trim()
  return v !== '' && !hasExpression(v) && !v.startsWith('$') && !/^(true|false|null|~)$/i.test(v) && !isPlaceholder(v)
}

function mask(value: string): string {
  return `${value.slice(0, 4)}…`
}

function containerPasswords(ctx: RuleContext, job: Job): Finding[] {
  const out: Finding[] = []
  const visit = (node: unknown, where: string): void => {
    const password = childOf(childOf(node, 'credentials'), 'password')
    if (!isScalar(password) || !isLiteral(String(password.value ?? ''))) return
    out.push(
      report(rule, ctx, {
        line: ctx.file.lineOf(password),
        job,
        key: `${where}.credentials.password`,
        message: `Job \`${job.id}\` has a literal registry password in \`${where}.credentials.password\`.`,
        fix: `Store the password as a secret and write \`password: \${{ secrets.REGISTRY_PASSWORD }}\` (for ghcr.io use \`\${{ secrets.GITHUB_TOKEN }}\`); revoke the exposed one.`
      })
    )
  }
  visit(childOf(job.node, 'container'), 'container')
  const services = childOf(job.node, 'services')
  if (isMap(services)) for (const pair of services.items) visit(pair.value, `services.${String(isScalar(pair.key) ? pair.key.value : '?')}`)
  return out
}

function literalInputs(ctx: RuleContext, job: Job): Finding[] {
  const out: Finding[] = []
  for (const step of job.steps) {
    for (const [key, value] of Object.entries(step.with)) {
      if (SECRET_INPUTS.test(key) && isLiteral(value.value)) out.push(literalFinding(ctx, job, step, `input ${key}`, value.line))
    }
    for (const [key, value] of Object.entries(step.env)) {
      if (SECRET_ENV.test(key) && isLiteral(value.value)) out.push(literalFinding(ctx, job, step, `env ${key}`, value.line))
    }
  }
  for (const [key, value] of Object.entries(job.env)) {
    if (SECRET_ENV.test(key) && isLiteral(value.value)) out.push(literalFinding(ctx, job, undefined, `env ${key}`, value.line))
  }
  return out
}

function literalFinding(ctx: RuleContext, job: Job | undefined, step: Step | undefined, what: string, line: number): Finding {
  const name = what.split(' ')[1]!
  return report(rule, ctx, {
    line,
    ...(job && { job }),
    ...(step && { step }),
    key: what,
    message: `${job ? `Job \`${job.id}\`` : 'The workflow'}${step ? `, step ${step.name ? `\`${step.name}\`` : step.index + 1},` : ''} sets ${what} to a literal value.`,
    fix: `Revoke that credential, store the new one as a repository or environment secret and write \`${name}: \${{ secrets.${name.toUpperCase().replace(/-/g, '_')} }}\` — or remove it entirely by switching to OIDC.`
  })
}

function tokenPatterns(ctx: RuleContext, node: Node, job: Job): Finding[] {
  const out: Finding[] = []
  for (const scalar of scalarsUnder(node, n => ctx.file.lineOf(n))) {
    if (!ANY_PATTERN.test(scalar.value)) continue
    for (const { name, re } of PATTERNS) {
      const m = re.exec(scalar.value)
      if (!m || isPlaceholder(m[0])) continue
      const step = job.steps.find(s => scalar.line >= s.line && scalar.line <= s.endLine)
      out.push(
        report(rule, ctx, {
          line: ctx.file.lineOfText(scalar.node, m[0]),
          job,
          ...(step && { step }),
          key: `${name}:${m[0]}`,
          message: `${step ? `Step ${step.name ? `\`${step.name}\`` : step.index + 1} of job` : 'Job'} \`${job.id}\` contains a hard-coded ${name} (\`${mask(m[0])}\`).`,
          fix: `Revoke the ${name} now (it stays in git history), then use OIDC or a secret: \`\${{ secrets.NAME }}\`.`
        })
      )
    }
  }
  return out
}

/** A literal input matching a token pattern is one problem, not two. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter(f => {
    const k = `${f.line}|${f.properties?.job ?? ''}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
