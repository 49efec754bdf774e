import type { RuleMeta } from '../../core/rule.js'

/**
 * Run-time gate rules. All are critical: a deploy gate that could not prove
 * who is asking must block at any threshold short of `none`.
 */
export const TOKEN_RULES: readonly RuleMeta[] = [
  {
    id: 'OG-RT-001',
    name: 'id-token-unavailable',
    title: 'No OIDC ID token could be obtained for this job',
    severity: 'critical',
    kind: 'policy',
    rationale:
      'Without an ID token nothing about the caller can be verified; usually the job lacks `id-token: write`, or the token endpoint failed.',
    fix: 'Grant the job the permission:\n  permissions:\n    id-token: write\n(job level, next to `runs-on`; add `contents: read` if checkout is used).'
  },
  {
    id: 'OG-RT-002',
    name: 'id-token-signature-invalid',
    title: 'ID token signature, key id or algorithm is invalid',
    severity: 'critical',
    kind: 'policy',
    rationale: 'Only RS256 tokens signed by a key published in the issuer JWKS prove the token came from GitHub.',
    fix: 'Do not hand the gate a token that was not issued by the configured issuer; check the `issuer` input for GHES/GHEC.'
  },
  {
    id: 'OG-RT-003',
    name: 'id-token-issuer-mismatch',
    title: 'ID token issuer is not the configured issuer',
    severity: 'critical',
    kind: 'policy',
    rationale: 'A token from another issuer says nothing about this GitHub run.',
    fix: 'Set `issuer` to https://token.actions.githubusercontent.com (github.com), …/<enterprise-slug> (GHEC unique issuer) or https://<host>/_services/token (GHES).'
  },
  {
    id: 'OG-RT-004',
    name: 'id-token-audience-mismatch',
    title: 'ID token audience is not the expected audience',
    severity: 'critical',
    kind: 'policy',
    rationale: 'A token minted for another audience could be replayed against this gate.',
    fix: 'Request the token for the audience the gate checks (`audience` input).'
  },
  {
    id: 'OG-RT-005',
    name: 'id-token-time-invalid',
    title: 'ID token is expired, not yet valid or issued in the future',
    severity: 'critical',
    kind: 'policy',
    rationale: 'GitHub tokens live minutes; an expired or future-dated token is replayed or forged.',
    fix: 'Request the token in the same job right before the gate; check the runner clock.'
  },
  {
    id: 'OG-RT-006',
    name: 'id-token-claim-policy-violation',
    title: 'ID token claims violate the deploy policy',
    severity: 'critical',
    kind: 'policy',
    rationale:
      'Repository, ref, environment, event, reusable workflow and runner claims decide who may deploy; pull_request_target runs carry the base ref and must not deploy.',
    fix: 'Deploy only from the allowed repository/ref/environment/workflow, or widen the oidc-guard token policy in .github/deploy-gates.yml if the run is legitimate.'
  }
]

export function tokenRule(id: string): RuleMeta {
  const rule = TOKEN_RULES.find(r => r.id === id)
  if (!rule) throw new Error(`unknown token rule ${id}`)
  return rule
}
