import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-001',
  name: 'aws-static-keys',
  title: 'AWS long-lived access keys used instead of OIDC',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Access keys stored as secrets never expire on their own, work from anywhere once leaked, and cannot be scoped to a branch or environment. GitHub OIDC lets the job assume an IAM role with a token that lives minutes.',
  fix: 'Create an IAM role that trusts token.actions.githubusercontent.com (sub scoped to this repository), grant the job `id-token: write`, use `role-to-assume` with aws-actions/configure-aws-credentials, then delete the key secrets and deactivate the keys.',
  anchors: { 'configure-aws-credentials': 'README: OIDC recommended' },
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} authenticates to AWS with long-lived access keys${secretList(use)}: ${use.method}.`,
      fix:
        'Switch to OIDC: add `permissions: { id-token: write, contents: read }` to the job, create an IAM role whose trust policy allows ' +
        '`token.actions.githubusercontent.com` with `sub` = `repo:OWNER/REPO:environment:ENV` and `aud` = `sts.amazonaws.com`, and use\n' +
        '- uses: aws-actions/configure-aws-credentials@<full-sha> # v4\n  with:\n    role-to-assume: arn:aws:iam::<account-id>:role/<role>\n    aws-region: <region>\n' +
        'Then delete the key secrets and deactivate the IAM user keys.'
    }))
}
