import { subjectReachFindings } from './subject-reach.js'
import type { TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-004',
  name: 'any-context-of-repository',
  title: 'Trust covers every branch, tag, pull request or environment of a repository',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'repo:ORG/REPO:* lets any branch (anyone with push access), any tag and pull_request runs assume the role; environment protection rules are bypassed.',
  fix: 'Scope the subject to an environment with protection rules ("repo:ORG/REPO:environment:prod") or to the protected branch ("repo:ORG/REPO:ref:refs/heads/main").',
  check(trust) {
    return subjectReachFindings(rule, trust, { aws: ['repo-any-context', 'pull-request'], gcp: ['repo-any-context', 'pull-request'], azure: ['repo-any-context'], azureLabel: 'flexible credential' })
  }
}
