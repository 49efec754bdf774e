import type { Clock } from '../../../src/rollback-verify/analyze/analysis.js'
import type { MeasurementOutcome, MeasurementPhase } from '../../../src/rollback-verify/analyze/measurement.js'

/** Time that only moves when the code under test sleeps; records every sleep. */
export class FakeClock implements Clock {
  time = 0
  readonly sleeps: number[] = []

  now(): number {
    return this.time
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
}

/** A measurement source that replays phases; running past the script is a test failure. */
export function scripted(phases: MeasurementPhase[]): { measure: () => Promise<MeasurementOutcome>; calls: () => number } {
  let calls = 0
  return {
    measure: async () => {
      const phase = phases[calls++]
      if (!phase) throw new Error(`measured ${calls} times, script has ${phases.length}`)
      return { phase, value: `[${calls}]` }
    },
    calls: () => calls
  }
}
