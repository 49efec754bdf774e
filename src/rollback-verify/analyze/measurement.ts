import { errorMessage } from '../../core/errors.js'
import type { Condition } from './expr/evaluate.js'
import { formatValue, toValue, type Value } from './expr/values.js'

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error'

/** What one measurement produced, before the clock stamps it. */
export interface MeasurementOutcome {
  phase: MeasurementPhase
  /** Rendered value (e.g. "[0.97]"), when the provider returned one. */
  value?: string
  message?: string
}

export interface Conditions {
  success?: Condition
  failure?: Condition
}

/**
 * Argo's EvaluateResult: neither condition → Successful; only success → Failed when false;
 * only failure → Failed when true; both → failure wins, Inconclusive when both are false.
 * A condition that cannot be evaluated makes the measurement an Error, never Failed.
 */
export function evaluateResult(result: unknown, conditions: Conditions): MeasurementOutcome {
  let value: Value
  try {
    value = toValue(result)
  } catch (error) {
    return { phase: 'Error', message: errorMessage(error) }
  }
  const shown = formatValue(value)
  let success = false
  let failure = false
  try {
    if (conditions.success) success = conditions.success.evaluate(value)
  } catch (error) {
    return { phase: 'Error', value: shown, message: evalMessage('successCondition', conditions.success!.source, value, error) }
  }
  try {
    if (conditions.failure) failure = conditions.failure.evaluate(value)
  } catch (error) {
    return { phase: 'Error', value: shown, message: evalMessage('failureCondition', conditions.failure!.source, value, error) }
  }
  if (!conditions.success && !conditions.failure) return { phase: 'Successful', value: shown }
  if (conditions.success && !conditions.failure) failure = !success
  if (!conditions.success && conditions.failure) success = !failure
  if (failure) return { phase: 'Failed', value: shown }
  if (!success) return { phase: 'Inconclusive', value: shown, message: 'neither successCondition nor failureCondition is true' }
  return { phase: 'Successful', value: shown }
}

/** Same wording idea as newer Argo: say plainly when the provider returned no data. */
function evalMessage(kind: string, source: string, value: Value, error: unknown): string {
  const empty = value === null || (Array.isArray(value) && value.length === 0)
  if (empty) return `could not evaluate ${kind} "${source}": metric result is nil or empty: no data returned from the metric provider`
  return `could not evaluate ${kind} "${source}": ${errorMessage(error)}`
}
