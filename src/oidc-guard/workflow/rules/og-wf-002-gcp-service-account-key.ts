import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-002',
  name: 'gcp-service-account-key',
  title: 'GCP service-account key used instead of workload identity federation',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A service-account key JSON is a long-lived credential; once copied out of a log or a compromised step it works until someone deletes the key. Workload identity federation exchanges the job\'s OIDC token for a short-lived access token.',
  fix: 'Create a workload identity pool + GitHub provider with an attribute_condition on the repository, grant the job `id-token: write`, and use google-github-actions/auth with `workload_identity_provider` (and `service_account` if impersonating).',
  anchors: { 'google-github-actions/auth': 'README: workload identity federation' },
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} authenticates to Google Cloud with a service-account key${secretList(use)}: ${use.method}.`,
      fix:
        'Use workload identity federation: add `permissions: { id-token: write, contents: read }` to the job and replace the key with\n' +
        '- uses: google-github-actions/auth@<full-sha> # v2\n  with:\n    workload_identity_provider: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>\n    service_account: <name>@<project>.iam.gserviceaccount.com\n' +
        'Give the provider an `attribute_condition` such as `assertion.repository == \'OWNER/REPO\'`, then delete the key.'
    }))
}
