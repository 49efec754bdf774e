import { describe, expect, it } from 'vitest'
import {
  assessMetric,
  emptyCounters,
  recordMeasurement,
  runAnalysis,
  type AnalysisSchedule
} from '../../../src/rollback-verify/analyze/analysis.js'
import { FakeClock, scripted } from './fake-clock.js'

const base: AnalysisSchedule = { count: 3, intervalMs: 30_000, failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 }

async function run(schedule: Partial<AnalysisSchedule>, phases: Parameters<typeof scripted>[0]) {
  const clock = new FakeClock()
  const source = scripted(phases)
  const result = await runAnalysis({ ...base, ...schedule }, source.measure, clock)
  return { result, clock, calls: source.calls() }
}

describe('Argo analysis semantics (fake clock)', () => {
  it('count reached with all Successful → Successful, measuring every interval after the previous one', async () => {
    const { result, clock, calls } = await run({}, ['Successful', 'Successful', 'Successful'])
    expect(result.phase).toBe('Successful')
    expect(calls).toBe(3)
    expect(clock.sleeps).toEqual([30_000, 30_000])
    expect(result.measurements.map(m => m.startedAtMs)).toEqual([0, 30_000, 60_000])
    expect(result.counters).toMatchObject({ count: 3, successful: 3, consecutiveSuccess: 3 })
  })

  it('failureLimit 0: the first Failed ends the run at once', async () => {
    const { result, calls } = await run({}, ['Successful', 'Failed', 'Successful'])
    expect(result.phase).toBe('Failed')
    expect(calls).toBe(2)
    expect(result.message).toBe('failed (1) > failureLimit (0)')
  })

  it('failures up to failureLimit are tolerated once count is reached → Successful', async () => {
    const { result } = await run({ count: 4, failureLimit: 2 }, ['Failed', 'Successful', 'Failed', 'Successful'])
    expect(result.phase).toBe('Successful')
    expect(result.counters).toMatchObject({ failed: 2, count: 4, consecutiveSuccess: 1 })
  })

  it('failed > failureLimit fails before count is reached', async () => {
    const { result, calls } = await run({ count: 5, failureLimit: 1 }, ['Failed', 'Successful', 'Failed'])
    expect(result.phase).toBe('Failed')
    expect(calls).toBe(3)
  })

  it('inconclusiveLimit 0: the first Inconclusive ends the run Inconclusive', async () => {
    const { result } = await run({}, ['Inconclusive'])
    expect(result.phase).toBe('Inconclusive')
    expect(result.message).toBe('inconclusive (1) > inconclusiveLimit (0)')
  })

  it('Inconclusive within inconclusiveLimit counts towards count', async () => {
    const { result } = await run({ count: 3, inconclusiveLimit: 1 }, ['Inconclusive', 'Successful', 'Successful'])
    expect(result.phase).toBe('Successful')
    expect(result.counters).toMatchObject({ count: 3, inconclusive: 1 })
  })

  it('an Error is retried after the fixed 10 s and does not count', async () => {
    const { result, clock } = await run({ count: 2 }, ['Error', 'Successful', 'Successful'])
    expect(result.phase).toBe('Successful')
    expect(clock.sleeps).toEqual([10_000, 30_000])
    expect(result.counters).toMatchObject({ count: 2, error: 1, consecutiveError: 0 })
  })

  it('the 5th consecutive Error (default limit 4) ends the run Error', async () => {
    const { result, calls } = await run({}, ['Error', 'Error', 'Error', 'Error', 'Error'])
    expect(result.phase).toBe('Error')
    expect(calls).toBe(5)
    expect(result.message).toBe('consecutiveErrors (5) > consecutiveErrorLimit (4)')
  })

  it('a Successful measurement resets the consecutive error counter', async () => {
    const phases = ['Error', 'Error', 'Error', 'Error', 'Successful', 'Error', 'Error', 'Error', 'Error', 'Successful', 'Successful'] as const
    const { result } = await run({}, [...phases])
    expect(result.phase).toBe('Successful')
    expect(result.counters).toMatchObject({ error: 8, count: 3 })
  })

  it('consecutiveErrorLimit 0: the first Error ends the run', async () => {
    const { result, calls } = await run({ consecutiveErrorLimit: 0 }, ['Error'])
    expect(result.phase).toBe('Error')
    expect(calls).toBe(1)
  })

  it('when several limits are crossed, Error overrides Inconclusive overrides Failed (Argo check order)', () => {
    const counters = { ...emptyCounters(), failed: 1, inconclusive: 1, consecutiveError: 5 }
    expect(assessMetric(base, counters).phase).toBe('Error')
    expect(assessMetric(base, { ...counters, consecutiveError: 0 }).phase).toBe('Inconclusive')
    expect(assessMetric(base, { ...counters, consecutiveError: 0, inconclusive: 0 }).phase).toBe('Failed')
  })

  it('failureLimit -1 disables failure: count reached is Successful even if all failed', async () => {
    const { result } = await run({ count: 2, failureLimit: -1 }, ['Failed', 'Failed'])
    expect(result.phase).toBe('Successful')
  })

  it('waits the initial delay before the first measurement', async () => {
    const { result, clock } = await run({ count: 1, initialDelayMs: 45_000 }, ['Successful'])
    expect(clock.sleeps).toEqual([45_000])
    expect(result.measurements[0]!.startedAtMs).toBe(45_000)
  })

  it('count 0 without interval means one measurement; with interval it is refused (unbounded)', async () => {
    const { calls } = await run({ count: 0, intervalMs: 0 }, ['Successful'])
    expect(calls).toBe(1)
    await expect(run({ count: 0 }, ['Successful'])).rejects.toThrow(/unbounded/)
  })

  it('a measure() that throws is an Error measurement, not a crash', async () => {
    const clock = new FakeClock()
    const result = await runAnalysis({ ...base, consecutiveErrorLimit: 1 }, async () => Promise.reject(new Error('socket hang up')), clock)
    expect(result.phase).toBe('Error')
    expect(result.measurements.map(m => m.message)).toEqual(['socket hang up', 'socket hang up'])
  })

  it('bookkeeping: Failed/Inconclusive reset consecutive counters, Error does not increment count', () => {
    const c = emptyCounters()
    recordMeasurement(c, 'Successful')
    recordMeasurement(c, 'Error')
    expect(c).toMatchObject({ count: 1, consecutiveSuccess: 0, consecutiveError: 1 })
    recordMeasurement(c, 'Inconclusive')
    expect(c).toMatchObject({ count: 2, consecutiveError: 0, inconclusive: 1 })
    recordMeasurement(c, 'Failed')
    expect(c).toMatchObject({ count: 3, failed: 1, successful: 1, error: 1 })
  })
})
