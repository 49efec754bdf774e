import { analyzeCel } from '../gcp-condition.js'
import { trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-009',
  name: 'gcp-provider-without-attribute-condition',
  title: 'GCP workload identity provider for GitHub without an attribute condition',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Without attribute_condition every GitHub Actions token from any repository is accepted by the pool; access then depends only on IAM bindings of principalSet attributes.',
  fix: "Set attribute_condition, e.g. \"assertion.repository_id == '74' && assertion.ref == 'refs/heads/main'\".",
  anchors: { checkov: 'CKV_GCP GitHub OIDC check' },
  check(trust) {
    if (trust.kind !== 'gcp') return []
    const cel = analyzeCel(trust.condition)
    if (!cel.trivial) return []
    const what = trust.condition === undefined || trust.condition.trim() === '' ? 'has no attribute_condition' : `attribute_condition "${trust.condition}" references no token claim`
    return [trustFinding(rule, trust, { line: trust.condition === undefined ? trust.line : trust.conditionLine, message: `${what}: any GitHub repository's token is accepted`, identity: 'condition' })]
  }
}
