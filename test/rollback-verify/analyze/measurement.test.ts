import { describe, expect, it } from 'vitest'
import { Condition } from '../../../src/rollback-verify/analyze/expr/evaluate.js'
import { evaluateResult } from '../../../src/rollback-verify/analyze/measurement.js'

const c = (source: string) => Condition.parse(source)

describe("Argo's EvaluateResult", () => {
  it('no conditions → Successful', () => {
    expect(evaluateResult([0], {}).phase).toBe('Successful')
  })

  it('only successCondition → Failed when false', () => {
    expect(evaluateResult([0.5], { success: c('result[0] >= 0.99') }).phase).toBe('Failed')
    expect(evaluateResult([1], { success: c('result[0] >= 0.99') }).phase).toBe('Successful')
  })

  it('only failureCondition → Successful when false', () => {
    expect(evaluateResult([0.5], { failure: c('result[0] < 0.9') }).phase).toBe('Failed')
    expect(evaluateResult([0.95], { failure: c('result[0] < 0.9') }).phase).toBe('Successful')
  })

  it('both: failure wins, both false → Inconclusive', () => {
    const both = { success: c('result[0] >= 0.99'), failure: c('result[0] < 0.9') }
    expect(evaluateResult([0.95], both).phase).toBe('Inconclusive')
    expect(evaluateResult([0.5], both).phase).toBe('Failed')
    expect(evaluateResult([1], both).phase).toBe('Successful')
    expect(evaluateResult([1], { success: c('true'), failure: c('true') }).phase).toBe('Failed')
  })

  it('a condition that errors makes the measurement Error and says "no data" for an empty vector', () => {
    const outcome = evaluateResult([], { success: c('result[0] >= 0.99') })
    expect(outcome.phase).toBe('Error')
    expect(outcome.message).toContain('metric result is nil or empty')
    expect(evaluateResult([1], { failure: c('result[0] + "x" == 1') }).message).toMatch(/failureCondition.*invalid operation/)
  })

  it('keeps the value for reports, including NaN/Inf spellings', () => {
    expect(evaluateResult([NaN, Infinity], {}).value).toBe('[NaN, +Inf]')
  })
})
