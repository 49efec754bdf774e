import { rollbackSummary } from '../outcome.js'
import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-002',
  name: 'analysis-error',
  title: 'Post-deploy analysis could not measure (Error / no data)',
  severity: 'high',
  kind: 'policy',
  rationale:
    'More consecutive measurements errored than consecutiveErrorLimit allows: the metric source was unreachable, returned no data (empty vector) or the condition could not be evaluated. Argo aborts the rollout in this case.',
  fix: 'Check the Prometheus/health URL and query; guard conditions with `len(result) > 0 && …` so an empty vector is a decision, not an error.',
  anchors: { argo: 'AnalysisPhaseError' },
  check(outcome) {
    if (outcome.analysis.phase !== 'Error') return undefined
    const last = [...outcome.analysis.measurements].reverse().find(m => m.phase === 'Error')
    return {
      message: `Analysis of ${outcome.target} ended in Error: ${outcome.analysis.message}${last?.message ? `; last error: ${last.message}` : ''}. ${rollbackSummary(outcome)}`,
      // on-error: inconclusive makes this a warning, as the spec allows
      ...(outcome.errorAsInconclusive && { severity: 'medium' as const }),
      properties: { errors: outcome.analysis.counters.error, count: outcome.analysis.counters.count }
    }
  }
}
