import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-005',
  name: 'rollback-not-verified',
  title: 'Rollback ran but verification failed',
  severity: 'high',
  kind: 'policy',
  rationale:
    'The rollback commands exited 0, but the checks afterwards (rollout status, ECS stable, verify command or a fresh analysis) did not pass: the service may still be unhealthy.',
  fix: 'Check the service by hand; look at the verify step output and the fresh analysis in the job summary.',
  check(outcome) {
    const verification = outcome.verification
    if (!outcome.rollback?.succeeded || !verification || verification.verified) return undefined
    const step = verification.failedStep
    const reanalysis = verification.reanalysis
    const why = step ? `${step.title}: ${step.detail}` : reanalysis ? `fresh analysis ended ${reanalysis.phase}: ${reanalysis.message}` : 'no check passed'
    return { message: `The rollback was not verified (${why}).`, properties: { reanalysisPhase: reanalysis?.phase ?? 'not-run' } }
  }
}
