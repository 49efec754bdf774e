import { UserError } from '../../core/errors.js'
import type { CliCommand } from '../command.js'

// Placeholder until the capability lands: it must say so and never pass.
export const command: CliCommand = {
  name: 'rollback-verify',
  summary: 'rollback-verify (not available in this build)',
  usage: 'deploy-gates rollback-verify [paths…]',
  async run() {
    throw new UserError('rollback-verify is not available in this build yet')
  }
}
