import type { RuleMeta } from '../core/rule.js'
import { TOKEN_RULES } from './token/rules.js'
import { TRUST_POLICY_RULES } from './trust-policy/rules/index.js'
import { WORKFLOW_RULES } from './workflow/rules/index.js'

/** Metadata only (no `check`), for docs and SARIF rule tables. */
function meta(rule: RuleMeta): RuleMeta {
  const { id, name, title, severity, kind, rationale, fix, anchors, enabledByDefault } = rule
  return { id, name, title, severity, kind, rationale, fix, ...(anchors && { anchors }), ...(enabledByDefault !== undefined && { enabledByDefault }) }
}

export const WORKFLOW_RULE_METAS: readonly RuleMeta[] = WORKFLOW_RULES.map(meta)

/** Every oidc-guard rule: workflow audit (OG-WF), trust-policy audit (OG-TP), run-time gate (OG-RT). */
export const OIDC_GUARD_RULES: readonly RuleMeta[] = [...WORKFLOW_RULE_METAS, ...TRUST_POLICY_RULES.map(meta), ...TOKEN_RULES.map(meta)]

export const WORKFLOW_RULE_IDS: ReadonlySet<string> = new Set(WORKFLOW_RULES.map(r => r.id))

export function isEnabledByDefault(rule: RuleMeta): boolean {
  return rule.enabledByDefault !== false
}
