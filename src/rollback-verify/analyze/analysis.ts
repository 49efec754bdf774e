import { errorMessage } from '../../core/errors.js'
import type { MeasurementOutcome, MeasurementPhase } from './measurement.js'

/** Argo retries an errored measurement after a fixed 10 s, whatever the metric's interval. */
export const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000
/** Argo's default consecutiveErrorLimit: the 5th error in a row ends the metric as Error. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4

export type AnalysisPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error'

/** Injectable time, so the semantics can be unit-tested without waiting. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))
}

export interface AnalysisSchedule {
  /** Number of completed (non-Error) measurements to take; at least 1. */
  count: number
  /** Wait after a finished measurement before the next one; 0 only when count is 1. */
  intervalMs: number
  /** Failed > failureLimit ends the metric Failed (Argo default 0). */
  failureLimit: number
  /** Inconclusive > inconclusiveLimit ends it Inconclusive (default 0). */
  inconclusiveLimit: number
  /** ConsecutiveError > consecutiveErrorLimit ends it Error (default 4). */
  consecutiveErrorLimit: number
  initialDelayMs?: number
  errorRetryIntervalMs?: number
}

export interface MetricCounters {
  count: number
  successful: number
  failed: number
  inconclusive: number
  error: number
  consecutiveError: number
  consecutiveSuccess: number
}

export interface TimedMeasurement extends MeasurementOutcome {
  /** Milliseconds since the analysis started (relative, so reports never depend on wall time). */
  startedAtMs: number
  durationMs: number
}

export interface AnalysisRun {
  phase: AnalysisPhase
  /** Why the run ended: "failed (1) > failureLimit (0)", "count (3) reached"… */
  message: string
  counters: MetricCounters
  measurements: TimedMeasurement[]
  durationMs: number
}

export function emptyCounters(): MetricCounters {
  return { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0, consecutiveError: 0, consecutiveSuccess: 0 }
}

/** Bookkeeping exactly as Argo's runMeasurements: an Error does not count towards `count`. */
export function recordMeasurement(counters: MetricCounters, phase: MeasurementPhase): void {
  switch (phase) {
    case 'Successful':
      counters.successful++
      counters.count++
      counters.consecutiveError = 0
      counters.consecutiveSuccess++
      break
    case 'Failed':
      counters.failed++
      counters.count++
      counters.consecutiveError = 0
      counters.consecutiveSuccess = 0
      break
    case 'Inconclusive':
      counters.inconclusive++
      counters.count++
      counters.consecutiveError = 0
      counters.consecutiveSuccess = 0
      break
    case 'Error':
      counters.error++
      counters.consecutiveError++
      counters.consecutiveSuccess = 0
      break
  }
}

/**
 * Argo's assessMetricStatus for a metric without consecutiveSuccessLimit. The checks run in
 * Argo's order and a later one overrides an earlier one (Error > Inconclusive > Failed).
 */
export function assessMetric(schedule: AnalysisSchedule, counters: MetricCounters): { phase: AnalysisPhase | 'Running'; message: string } {
  let phase: AnalysisPhase | undefined
  let message = ''
  if (schedule.failureLimit >= 0 && counters.failed > schedule.failureLimit) {
    phase = 'Failed'
    message = `failed (${counters.failed}) > failureLimit (${schedule.failureLimit})`
  }
  if (counters.inconclusive > schedule.inconclusiveLimit) {
    phase = 'Inconclusive'
    message = `inconclusive (${counters.inconclusive}) > inconclusiveLimit (${schedule.inconclusiveLimit})`
  }
  if (counters.consecutiveError > schedule.consecutiveErrorLimit) {
    phase = 'Error'
    message = `consecutiveErrors (${counters.consecutiveError}) > consecutiveErrorLimit (${schedule.consecutiveErrorLimit})`
  }
  if (phase) return { phase, message }
  if (counters.count >= effectiveCount(schedule)) {
    // failures up to failureLimit are tolerated once the count is reached
    return { phase: 'Successful', message: `count (${counters.count}) reached with failed (${counters.failed}) <= failureLimit (${schedule.failureLimit})` }
  }
  return { phase: 'Running', message: '' }
}

/** Argo's EffectiveCount; an unbounded metric cannot end in a CI job, so it is refused. */
export function effectiveCount(schedule: AnalysisSchedule): number {
  if (schedule.count > 0) return schedule.count
  if (schedule.intervalMs > 0) throw new Error('count must be at least 1 when an interval is set (an unbounded analysis never ends)')
  return 1
}

/**
 * Runs one metric to completion: first measurement right away (after the initial delay), the
 * next one `interval` after the previous one finished, 10 s after an Error.
 */
export async function runAnalysis(schedule: AnalysisSchedule, measure: () => Promise<MeasurementOutcome>, clock: Clock = realClock): Promise<AnalysisRun> {
  effectiveCount(schedule)
  const started = clock.now()
  const counters = emptyCounters()
  const measurements: TimedMeasurement[] = []
  if (schedule.initialDelayMs && schedule.initialDelayMs > 0) await clock.sleep(schedule.initialDelayMs)
  for (;;) {
    const measuredAt = clock.now()
    let outcome: MeasurementOutcome
    try {
      outcome = await measure()
    } catch (error) {
      outcome = { phase: 'Error', message: errorMessage(error) }
    }
    const finished = clock.now()
    measurements.push({ ...outcome, startedAtMs: measuredAt - started, durationMs: finished - measuredAt })
    recordMeasurement(counters, outcome.phase)
    const assessment = assessMetric(schedule, counters)
    if (assessment.phase !== 'Running') {
      return { phase: assessment.phase, message: assessment.message, counters, measurements, durationMs: clock.now() - started }
    }
    await clock.sleep(outcome.phase === 'Error' ? (schedule.errorRetryIntervalMs ?? DEFAULT_ERROR_RETRY_INTERVAL_MS) : schedule.intervalMs)
  }
}
