import type { RuleMeta } from '../../core/rule.js'
import type { LiveRule } from './rules/live-rule.js'
import { rule as analysisFailed } from './rules/rv-live-001-analysis-failed.js'
import { rule as analysisError } from './rules/rv-live-002-analysis-error.js'
import { rule as analysisInconclusive } from './rules/rv-live-003-analysis-inconclusive.js'
import { rule as rollbackFailed } from './rules/rv-live-004-rollback-failed.js'
import { rule as rollbackNotVerified } from './rules/rv-live-005-rollback-not-verified.js'
import { rule as noRollback } from './rules/rv-live-006-no-rollback.js'

/** The RV-LIVE rules with their checks, in id order. */
export const LIVE_RULE_CHECKS: readonly LiveRule[] = [analysisFailed, analysisError, analysisInconclusive, rollbackFailed, rollbackNotVerified, noRollback]

/** Metadata of every live-analysis rule (for docs and SARIF rule tables). */
export const LIVE_RULES: readonly RuleMeta[] = LIVE_RULE_CHECKS.map(({ check: _check, ...meta }) => meta)
