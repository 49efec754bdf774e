import type { AnalysisRun } from './analysis.js'

export type StepStatus = 'passed' | 'failed' | 'error' | 'skipped'

/** One line of the report: an analysis, a rollback command, a verification. */
export interface StepReport {
  kind: 'analysis' | 'rollback' | 'verify' | 're-analysis'
  title: string
  argv?: string[]
  status: StepStatus
  exitCode?: number
  durationMs: number
  detail: string
}

/** Everything the RV-LIVE rules look at, gathered by runAnalyze. */
export interface LiveOutcome {
  /** Provider target as shown to users (credentials removed). */
  target: string
  analysis: AnalysisRun
  /** The analysis outcome calls for a rollback (Failed; Error and Inconclusive depending on options). */
  rollbackNeeded: boolean
  /** on-error: inconclusive — an Error run is a warning, not a reason to roll back. */
  errorAsInconclusive: boolean
  /** Undefined when no rollback is configured. */
  rollback?: {
    attempted: boolean
    /** All rollback commands exited 0. */
    succeeded: boolean
    /** A command could not be started (ENOENT…). */
    startError?: string
    failedStep?: StepReport
  }
  verification?: {
    /** Preset checks and the verify command all passed and the re-analysis (if any) was Successful. */
    verified: boolean
    failedStep?: StepReport
    reanalysis?: AnalysisRun
  }
}

/** Short "what happened to the rollback" sentence for finding messages. */
export function rollbackSummary(outcome: LiveOutcome): string {
  const { rollback, verification } = outcome
  if (!outcome.rollbackNeeded) return 'No rollback was run.'
  if (!rollback) return 'No rollback is configured.'
  if (!rollback.attempted) return 'The rollback was not run.'
  if (rollback.startError) return `The rollback could not start: ${rollback.startError}.`
  if (!rollback.succeeded) return `The rollback failed at \`${rollback.failedStep?.title ?? 'a step'}\`.`
  if (verification?.verified) return 'The rollback ran and was verified (checks passed, fresh analysis Successful).'
  return `The rollback ran but was not verified${verification?.failedStep ? ` (${verification.failedStep.title}: ${verification.failedStep.detail})` : ''}.`
}

export function lastValue(run: AnalysisRun): string {
  const last = [...run.measurements].reverse().find(m => m.value !== undefined)
  return last?.value ?? 'no value'
}
