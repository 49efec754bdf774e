import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-004',
  name: 'rollback-failed',
  title: 'Rollback command failed',
  severity: 'high',
  kind: 'policy',
  rationale: 'The analysis asked for a rollback and the rollback command exited non-zero or could not be started: the broken release is probably still live.',
  fix: 'Roll back by hand now; then fix the rollback command (binary on PATH, credentials, revision history) and test it.',
  check(outcome) {
    const rollback = outcome.rollback
    if (!rollback?.attempted || rollback.succeeded) return undefined
    const step = rollback.failedStep
    const reason = rollback.startError ?? (step ? `exit code ${step.exitCode ?? '?'}${step.detail ? `: ${step.detail}` : ''}` : 'unknown failure')
    return { message: `Rollback command \`${step?.argv?.join(' ') ?? 'unknown'}\` failed (${reason}).`, properties: { couldNotStart: rollback.startError !== undefined } }
  }
}
