import { subjectReachFindings } from './subject-reach.js'
import type { TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-003',
  name: 'owner-wide-trust',
  title: 'Trust extends to every repository of an owner',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'repo:ORG/* (or a condition on repository_owner alone) lets every repository of the organization — including new ones, forks inside it and ones with weak branch protection — assume the role.',
  fix: 'Name the repositories that deploy ("repo:ORG/REPO:environment:prod"), or pin job_workflow_ref to one reviewed reusable deploy workflow.',
  anchors: { checkov: 'CKV_AWS_358', actionscope: 'AS007' },
  check(trust) {
    return subjectReachFindings(rule, trust, { aws: ['owner'], gcp: ['owner'], azure: ['owner'], azureLabel: 'flexible credential' })
  }
}
