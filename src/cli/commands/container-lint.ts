import { UserError } from '../../core/errors.js'
import type { CliCommand } from '../command.js'

// Placeholder until the capability lands: it must say so and never pass.
export const command: CliCommand = {
  name: 'container-lint',
  summary: 'container-lint (not available in this build)',
  usage: 'deploy-gates container-lint [paths…]',
  async run() {
    throw new UserError('container-lint is not available in this build yet')
  }
}
