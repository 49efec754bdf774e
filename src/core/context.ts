import type { DeployGatesConfig } from './config.js'
import type { Logger } from './logger.js'

/** What every capability receives from its caller (CLI or action adapter). */
export interface RunContext {
  /** Absolute path of the workspace / repository root; findings' paths are relative to it. */
  workspace: string
  config: DeployGatesConfig
  logger: Logger
  /** Reading files outside the workspace was explicitly allowed. */
  allowOutside?: boolean
}
