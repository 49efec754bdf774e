import type { CliCommand } from '../command.js'
import { command as containerLint } from './container-lint.js'
import { command as gates } from './gates.js'
import { command as oidcGuard } from './oidc-guard.js'
import { command as rollbackVerify } from './rollback-verify.js'

export const COMMANDS: readonly CliCommand[] = [gates, containerLint, oidcGuard, rollbackVerify]

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find(c => c.name === name)
}
