import { UserError } from '../../core/errors.js'
import type { CliCommand } from '../command.js'

// Placeholder until the capability lands: it must say so and never pass.
export const command: CliCommand = {
  name: 'oidc-guard',
  summary: 'oidc-guard (not available in this build)',
  usage: 'deploy-gates oidc-guard [paths…]',
  async run() {
    throw new UserError('oidc-guard is not available in this build yet')
  }
}
