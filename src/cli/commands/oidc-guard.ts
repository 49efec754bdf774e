import { UserError } from '../../core/errors.js'
import { OIDC_GUARD_MODES, runOidcGuard, TOKEN_POLICY_INPUTS, type OidcGuardMode } from '../../oidc-guard/index.js'
import { rejectUnknownFlags, stringFlag } from '../args.js'
import type { CliCommand } from '../command.js'


export const command: CliCommand = {
  name: 'oidc-guard',
  summary: 'CI/CD authentication guard: workflow audit (OG-WF), OIDC token gate (OG-RT), cloud trust-policy audit (OG-TP)',
  usage: [
    'deploy-gates oidc-guard [audit|verify-token|trust-policies] [paths…] [--min-auth-level LEVEL] [--audience AUD]',
    '  audit (default): workflows under .github/workflows and composite action.yml files in the paths (default: .);',
    '    --min-auth-level oidc|short-lived|stored-secret|pat (default stored-secret: PATs block).',
    '  verify-token: requests the job\'s ID token (needs `id-token: write`; reads ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN)',
    '    and verifies it; --audience AUD, policy flags --allowed-repositories, --allowed-refs, --allowed-environments,',
    '    --allowed-events, --denied-events, --job-workflow-refs, --runner-environment, --require-ref-protected, --issuer.',
    '  trust-policies: AWS/GCP/Azure trust policies (JSON, YAML, Terraform) in the given files or globs.'
  ].join('\n'),
  async run(args, flags, ctx) {
    rejectUnknownFlags(flags, ['min-auth-level', 'audience', ...TOKEN_POLICY_INPUTS])
    const first = args[0]
    const mode: OidcGuardMode = first !== undefined && (OIDC_GUARD_MODES as readonly string[]).includes(first) ? (first as OidcGuardMode) : 'audit'
    const paths = mode === first ? args.slice(1) : args
    const inputs: Record<string, string> = {}
    for (const name of TOKEN_POLICY_INPUTS) {
      const value = stringFlag(flags, name)
      if (value !== undefined) inputs[name] = value
    }
    if (mode !== 'verify-token' && Object.keys(inputs).length > 0) {
      throw new UserError(`oidc-guard ${mode}: --${Object.keys(inputs)[0]} only applies to verify-token`)
    }
    const minAuthLevel = stringFlag(flags, 'min-auth-level')
    const audience = stringFlag(flags, 'audience')
    return runOidcGuard(ctx, {
      mode,
      paths,
      ...(minAuthLevel !== undefined && { minAuthLevel }),
      ...(audience !== undefined && { audience }),
      inputs,
      getIdToken: requestIdToken
    })
  }
}

/**
 * The runner's ID-token protocol (as @actions/core's OidcClient speaks it):
 * GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token as a
 * bearer, answer `{ "value": "<jwt>" }`. Unlike core.getIDToken this does not
 * print `::add-mask::<token>` to stdout, which would end up in a redirected
 * `--format json` file; the token is never printed by the CLI at all.
 */
export async function requestIdToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
  if (!url) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!bearer) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable')
  const target = audience ? `${url}&audience=${encodeURIComponent(audience)}` : url
  let last = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(target, {
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(10_000)
      })
      if (response.ok) {
        const body: unknown = await response.json()
        const value = body && typeof body === 'object' && 'value' in body ? body.value : undefined
        if (typeof value !== 'string' || value === '') throw new Error('Response json body do not have ID Token field')
        return value
      }
      last = `Failed to get ID Token. Error Code : ${response.status}`
      if (response.status < 500) break
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
      if (/ID Token field/.test(last)) break
    }
    await new Promise(done => setTimeout(done, 250 * attempt))
  }
  throw new Error(`Error message: ${last}`)
}
