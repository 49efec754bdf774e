import type { FindingKind } from './finding.js'
import type { Severity } from './severity.js'

/** Where every rule's documentation lives; the anchor is the rule id in lower case. */
export const DOCS_BASE = 'https://github.com/deploy-gates/deploy-gates/blob/main/docs/rules'

export function ruleDocsUrl(ruleSet: string, ruleId: string): string {
  return `${DOCS_BASE}/${ruleSet}.md#${ruleId.toLowerCase()}`
}

/** Static metadata every rule of ours carries (hadolint / zizmor style). */
export interface RuleMeta {
  id: string
  /** kebab-case */
  name: string
  title: string
  severity: Severity
  kind: FindingKind
  rationale: string
  fix: string
  /** Equivalent ids in other tools: { hadolint: 'DL3002', trivy: 'DS-0002' }. */
  anchors?: Record<string, string>
  /** Rules marked off are implemented but disabled unless the config enables them. */
  enabledByDefault?: boolean
}
