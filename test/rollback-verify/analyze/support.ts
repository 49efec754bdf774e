import { fileURLToPath } from 'node:url'
import { DeployGatesConfig } from '../../../src/core/config.js'
import type { RunContext } from '../../../src/core/context.js'
import { silentLogger } from '../../../src/core/logger.js'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/rollback-verify/analyze/', import.meta.url))

export function context(config = DeployGatesConfig.empty()): RunContext {
  return { workspace: FIXTURES, config, logger: silentLogger }
}

/** argv of a real child process running one of the fixture scripts. */
export function nodeScript(script: string, ...args: string[]): string {
  return JSON.stringify([process.execPath, `${FIXTURES}${script}`, ...args])
}
