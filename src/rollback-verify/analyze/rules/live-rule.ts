import type { RuleMeta } from '../../../core/rule.js'
import type { Severity } from '../../../core/severity.js'
import type { LiveOutcome } from '../outcome.js'

/** One RV-LIVE rule: metadata plus a check over the whole analyze run. */
export interface LiveRule extends RuleMeta {
  check(outcome: LiveOutcome): LiveViolation | undefined
}

export interface LiveViolation {
  message: string
  /** Overrides the rule's severity where the spec makes it configurable (RV-LIVE-002). */
  severity?: Severity
  properties?: Record<string, string | number | boolean>
}
