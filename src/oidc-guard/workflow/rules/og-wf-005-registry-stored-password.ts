import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-005',
  name: 'registry-stored-password',
  title: 'Container registry login with a stored password',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Registry passwords and access tokens in secrets are the seed table\'s "last resort": long-lived and rarely rotated. GHCR accepts the job\'s GITHUB_TOKEN; ECR, GAR and ACR accept tokens minted from OIDC cloud credentials.',
  fix: 'For ghcr.io log in with `${{ secrets.GITHUB_TOKEN }}` and `packages: write`; for ECR/GAR/ACR authenticate to the cloud with OIDC first and log in with the minted token; otherwise rotate the password often and scope it to push only.',
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} logs in to ${use.provider.replace(/^registry /, '')} with a stored password${secretList(use)}.`,
      fix:
        'Prefer a token minted in the run: ghcr.io → `password: ${{ secrets.GITHUB_TOKEN }}` with `permissions: { packages: write }`; ' +
        'ECR → aws-actions/configure-aws-credentials (role-to-assume) then aws-actions/amazon-ecr-login; GAR → google-github-actions/auth (workload_identity_provider, token_format: access_token) then ' +
        '`username: oauth2accesstoken`, `password: ${{ steps.auth.outputs.access_token }}`. If the registry offers nothing better, use a push-only token and rotate it.'
    }))
}
