import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-003',
  name: 'azure-client-secret',
  title: 'Azure service-principal secret used instead of a federated credential',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A client secret (or `creds` JSON that contains one) is valid for months and usable from anywhere. A federated identity credential on the app registration lets the job sign in with its OIDC token instead.',
  fix: 'Add a federated identity credential (issuer https://token.actions.githubusercontent.com, subject repo:OWNER/REPO:environment:ENV, audience api://AzureADTokenExchange), grant `id-token: write`, and call azure/login with client-id, tenant-id and subscription-id only.',
  anchors: { 'azure/login': 'docs: OpenID Connect' },
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} authenticates to Azure with a service-principal secret${secretList(use)}: ${use.method}.`,
      fix:
        'Use a federated credential: add `permissions: { id-token: write, contents: read }` to the job and\n' +
        '- uses: azure/login@<full-sha> # v2\n  with:\n    client-id: ${{ vars.AZURE_CLIENT_ID }}\n    tenant-id: ${{ vars.AZURE_TENANT_ID }}\n    subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}\n' +
        'with a federated identity credential for `repo:OWNER/REPO:environment:ENV` (audience `api://AzureADTokenExchange`); then remove the client secret.'
    }))
}
