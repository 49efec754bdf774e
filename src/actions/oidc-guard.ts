import '../runtime/esm-dirname.js'
import * as core from '@actions/core'
import { OIDC_GUARD_MODES, runOidcGuard, TOKEN_POLICY_INPUTS, type OidcGuardMode } from '../oidc-guard/index.js'
import { UserError } from '../core/errors.js'
import { listInput, runAction } from './common.js'


await runAction('oidc-guard', async ctx => {
  const raw = core.getInput('mode').trim() || 'audit'
  if (!(OIDC_GUARD_MODES as readonly string[]).includes(raw)) {
    throw new UserError(`mode: "${raw}" is not one of ${OIDC_GUARD_MODES.join(', ')}`)
  }
  const inputs = Object.fromEntries(TOKEN_POLICY_INPUTS.map(name => [name, core.getInput(name)]))
  return runOidcGuard(ctx, {
    mode: raw as OidcGuardMode,
    paths: listInput('paths'),
    minAuthLevel: core.getInput('min-auth-level'),
    audience: core.getInput('audience'),
    inputs,
    getIdToken: async audience => {
      const token = await core.getIDToken(audience)
      core.setSecret(token) // getIDToken masks too; keep it explicit so no refactor can drop it
      return token
    }
  })
})
