import { resolve } from 'node:path'
import { DeployGatesConfig, parseConfig } from '../../src/core/config.js'
import type { RunContext } from '../../src/core/context.js'
import { silentLogger } from '../../src/core/logger.js'

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/rollback-verify')

/** A context rooted at the rollback-verify fixtures (or another workspace). */
export function fixtureContext(workspace = FIXTURES, configText?: string): RunContext {
  const config = configText ? parseConfig(configText, '.github/deploy-gates.yml') : DeployGatesConfig.empty()
  return { workspace, config, logger: silentLogger }
}
