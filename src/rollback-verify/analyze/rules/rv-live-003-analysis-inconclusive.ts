import { lastValue, rollbackSummary } from '../outcome.js'
import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-003',
  name: 'analysis-inconclusive',
  title: 'Post-deploy analysis inconclusive',
  severity: 'medium',
  kind: 'policy',
  rationale:
    'Neither the success nor the failure condition held more often than inconclusiveLimit allows. Argo pauses the rollout for a human decision; no automatic rollback is run unless on-inconclusive is rollback.',
  fix: 'Decide manually whether to keep or roll back the release; make success and failure conditions complementary if every measurement should decide.',
  anchors: { argo: 'AnalysisPhaseInconclusive' },
  check(outcome) {
    if (outcome.analysis.phase !== 'Inconclusive') return undefined
    return {
      message: `Analysis of ${outcome.target} was inconclusive: ${outcome.analysis.message}; last value ${lastValue(outcome.analysis)}. ${rollbackSummary(outcome)}`,
      properties: { inconclusive: outcome.analysis.counters.inconclusive }
    }
  }
}
