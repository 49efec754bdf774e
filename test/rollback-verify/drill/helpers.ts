import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DeployGatesConfig } from '../../../src/core/config.js'
import type { RunContext } from '../../../src/core/context.js'
import type { Logger } from '../../../src/core/logger.js'

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const FIXTURES = 'test/fixtures/rollback-verify/drill'

/** A context rooted at the repository whose logger keeps every line (to check nothing secret is logged). */
export function drillContext(): RunContext & { logged: string[] } {
  const logged: string[] = []
  const logger: Logger = {
    info: m => logged.push(m),
    warning: m => logged.push(m),
    debug: m => logged.push(m)
  }
  return { workspace: REPO, config: DeployGatesConfig.empty(), logger, logged }
}
