import { subjectReachFindings } from './subject-reach.js'
import type { TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-002',
  name: 'any-repository-subject',
  title: 'Subject pattern matches any repository',
  severity: 'critical',
  kind: 'misconfiguration',
  rationale: 'A wildcard in the owner position (`*`, `repo:*`, `repo:*/*`) lets every GitHub repository assume the role.',
  fix: 'Replace the wildcard with the exact owner and repository ("repo:OWNER/REPO:environment:prod"), ideally the immutable "repo:OWNER@OWNER_ID/REPO@REPO_ID:…" form.',
  anchors: { checkov: 'CKV_AWS_358' },
  check(trust) {
    return subjectReachFindings(rule, trust, { aws: ['any'], gcp: ['any'], azure: ['any'], azureLabel: 'claimsMatchingExpression' })
  }
}
