import type { LiveRule } from './live-rule.js'

export const rule: LiveRule = {
  id: 'RV-LIVE-006',
  name: 'no-rollback-configured',
  title: 'Analysis calls for a rollback but none is configured',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'A failing deployment was detected but nothing can undo it automatically.',
  fix: 'Set rollback-preset (kubectl, ecs, vercel) with rollback-args, or rollback-command with the argv that undoes the deploy.',
  check(outcome) {
    if (!outcome.rollbackNeeded || outcome.rollback) return undefined
    return { message: `Analysis of ${outcome.target} ended ${outcome.analysis.phase} and no rollback command is configured.` }
  }
}
