import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-007',
  name: 'vault-static-auth',
  title: 'Vault login with a static token or AppRole instead of JWT/OIDC',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'hashicorp/vault-action defaults to `method: token`; tokens, AppRole secret ids and passwords stored in GitHub are long-lived. The `jwt` method logs in with the job\'s OIDC token and a role bound to this repository.',
  fix: 'Enable the JWT auth method for https://token.actions.githubusercontent.com, create a role with `bound_audiences` and `bound_claims` (repository, environment), grant `id-token: write` and set `method: jwt`, `role: <role>`.',
  anchors: { 'vault-action': 'README: JWT with GitHub OIDC tokens' },
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} logs in to Vault with ${use.method}${secretList(use)}.`,
      fix:
        'Use the JWT method: add `permissions: { id-token: write, contents: read }` and\n' +
        '- uses: hashicorp/vault-action@<full-sha> # v3\n  with:\n    url: https://vault.example.com\n    method: jwt\n    role: <role bound to repo:OWNER/REPO>\n    jwtGithubAudience: <audience in bound_audiences>\n' +
        'then delete the stored Vault token / AppRole secret.'
    }))
}
