import type { RunContext } from '../../core/context.js'
import { errorMessage } from '../../core/errors.js'
import { fingerprintOf, type Finding } from '../../core/finding.js'
import type { ScanResult } from '../../core/result.js'
import { ruleDocsUrl } from '../../core/rule.js'
import { evaluateTokenPolicy, type Claims, type TokenPolicy } from './policy.js'
import { tokenRule } from './rules.js'
import { GITHUB_ISSUER, verifyIdToken } from './verify.js'

export { tokenPolicyFromConfig } from './policy.js'
export type { TokenPolicy } from './policy.js'

export interface TokenGateOptions {
  audience: string
  policy: TokenPolicy
  /** Default https://token.actions.githubusercontent.com */
  issuer?: string
  clockSkewSeconds?: number
}

const COMMAND = 'oidc-guard verify-token'
const TOKEN_INPUT = 'id-token'

/** Claims that identify the run without granting anything; the only ones ever echoed. */
export const OUTPUT_CLAIMS = [
  'sub',
  'aud',
  'iss',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'repository_visibility',
  'ref',
  'ref_type',
  'ref_protected',
  'sha',
  'environment',
  'event_name',
  'workflow_ref',
  'workflow_sha',
  'job_workflow_ref',
  'job_workflow_sha',
  'runner_environment',
  'actor',
  'actor_id',
  'run_id',
  'run_attempt'
] as const

const MISSING_PERMISSION_FIX = [
  'The job has no `id-token: write` permission, so the runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL.',
  'Add to the deploying job (job level, not workflow level):',
  '',
  'permissions:',
  '  id-token: write',
  '  contents: read'
].join('\n')

function workflowPath(): string {
  // GITHUB_WORKFLOW_REF = owner/repo/.github/workflows/deploy.yml@refs/heads/main
  const ref = process.env.GITHUB_WORKFLOW_REF ?? ''
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)
  return match?.[1] ?? TOKEN_INPUT
}

function finding(ruleId: string, message: string, path: string, line: number, identity: string, fix?: string): Finding {
  const rule = tokenRule(ruleId)
  return {
    source: 'oidc-guard',
    ruleId,
    ruleName: rule.name,
    severity: rule.severity,
    title: rule.title,
    message,
    path,
    line,
    fingerprint: fingerprintOf(ruleId, path, identity),
    helpUri: ruleDocsUrl('oidc-guard', ruleId),
    kind: rule.kind,
    fix: fix ?? rule.fix
  }
}

function outputsOf(claims: Claims): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of OUTPUT_CLAIMS) {
    const value = claims[name]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = String(value)
    else if (Array.isArray(value)) out[name] = value.map(String).join(',')
  }
  return out
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function claimsTable(outputs: Record<string, string>, violations: Set<string>): string {
  const rows = Object.entries(outputs).map(([k, v]) => `| \`${k}\` | ${cell(v)} | ${violations.has(k) ? '❌ policy' : '✅'} |`)
  for (const claim of violations) if (!(claim in outputs)) rows.push(`| \`${claim}\` | _(absent)_ | ❌ policy |`)
  return ['| claim | value | check |', '|---|---|---|', ...rows].join('\n')
}

/**
 * The run-time gate: obtains the job's ID token, verifies it against the
 * issuer's published keys and checks its claims against the policy. Every
 * failure is an OG-RT finding (critical); the token is never logged or
 * returned.
 */
export async function runTokenGate(
  ctx: RunContext,
  options: TokenGateOptions,
  getIdToken: (audience: string) => Promise<string>
): Promise<ScanResult> {
  const result: ScanResult = { command: COMMAND, findings: [], errors: [], inputs: [TOKEN_INPUT] }
  // GitHub's `iss` never ends in a slash; a configured trailing slash must not turn into a mismatch.
  const issuer = options.issuer?.trim().replace(/\/+$/, '') || GITHUB_ISSUER
  if (!options.audience.trim()) {
    result.errors.push({ path: TOKEN_INPUT, message: 'audience is empty; set the audience the deploy target expects (e.g. sts.amazonaws.com)' })
    return result
  }

  let token: string
  try {
    token = await getIdToken(options.audience)
  } catch (error) {
    const text = errorMessage(error)
    const missingPermission = /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(text)
    const message = missingPermission
      ? `No ID token: ${MISSING_PERMISSION_FIX}`
      : `Requesting the ID token for audience "${options.audience}" failed: ${text.replace(/\s+/g, ' ').trim()}`
    result.findings.push(finding('OG-RT-001', message, workflowPath(), 1, missingPermission ? 'permission' : 'request', missingPermission ? MISSING_PERMISSION_FIX : undefined))
    return result
  }
  if (typeof token !== 'string' || token.trim() === '') {
    result.findings.push(finding('OG-RT-001', 'the token endpoint returned an empty ID token', workflowPath(), 1, 'empty'))
    return result
  }

  const outcome = await verifyIdToken(token.trim(), {
    audience: options.audience,
    issuer,
    clockSkewSeconds: options.clockSkewSeconds
  })
  if (!outcome.ok) {
    result.findings.push(finding(outcome.ruleId, outcome.message, TOKEN_INPUT, 1, outcome.ruleId))
    return result
  }

  const outputs = outputsOf(outcome.claims)
  result.outputs = outputs
  const violations = evaluateTokenPolicy(outcome.claims, options.policy)
  const configPath = ctx.config.file ?? TOKEN_INPUT
  for (const v of violations) {
    const line = ctx.config.file ? (ctx.config.lineOf(['oidc-guard', v.configKey]) ?? ctx.config.lineOf(['oidc-guard']) ?? 1) : 1
    result.findings.push(finding('OG-RT-006', v.message, configPath, line, v.claim))
  }
  if (options.policy.allowedRepositories.length === 0) {
    result.notices = [...(result.notices ?? []), 'oidc-guard verify-token: no allowed-repositories configured; any repository holding this audience passes the repository check']
  }
  result.sections = [
    {
      title: 'OIDC token claims (verified)',
      markdown: `Issuer \`${issuer}\`, audience \`${options.audience}\`, signature RS256 verified.\n\n${claimsTable(outputs, new Set(violations.map(v => v.claim)))}`
    }
  ]
  return result
}
