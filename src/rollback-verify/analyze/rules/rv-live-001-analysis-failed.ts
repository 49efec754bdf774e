import { lastValue, rollbackSummary } from '../outcome.js'
import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-001',
  name: 'analysis-failed',
  title: 'Post-deploy analysis failed',
  severity: 'high',
  kind: 'policy',
  rationale:
    'The metric crossed its threshold more often than failureLimit allows (Argo semantics). The deployment is unhealthy; even a verified rollback does not make this deploy a success.',
  fix: 'Investigate the release that was rolled back; fix forward or redeploy once the metric is healthy.',
  anchors: { argo: 'AnalysisPhaseFailed' },
  check(outcome) {
    if (outcome.analysis.phase !== 'Failed') return undefined
    const { counters } = outcome.analysis
    return {
      message: `Analysis of ${outcome.target} failed: ${outcome.analysis.message}; last value ${lastValue(outcome.analysis)}. ${rollbackSummary(outcome)}`,
      properties: { failed: counters.failed, successful: counters.successful, count: counters.count, rollbackVerified: outcome.verification?.verified ?? false }
    }
  }
}
