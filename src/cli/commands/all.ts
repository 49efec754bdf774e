import { errorMessage, isUserError } from '../../core/errors.js'
import { mergeResults } from '../../core/pipeline.js'
import type { ScanResult } from '../../core/result.js'
import { rejectUnknownFlags } from '../args.js'
import type { CliCommand } from '../command.js'
import { findCommand } from './index.js'

/**
 * Every capability over the same paths: container-lint, oidc-guard audit,
 * rollback-verify check, and gates over the reports named in the config file.
 * A capability that cannot run is an error, never a silent skip.
 */
export const command: CliCommand = {
  name: 'all',
  summary: 'run container-lint, oidc-guard audit, rollback-verify check and gates (config gates.reports) together',
  usage: 'deploy-gates all [paths…]',
  async run(args, flags, ctx) {
    rejectUnknownFlags(flags, [])
    const paths = args.length ? args : ['.']
    const plan: Array<[string, string[]]> = [
      ['container-lint', paths],
      ['oidc-guard', ['audit', ...paths]],
      ['rollback-verify', ['check', ...paths]]
    ]
    if (Array.isArray(ctx.config.section('gates').reports)) plan.push(['gates', []])
    const results: ScanResult[] = []
    for (const [name, commandArgs] of plan) {
      const sub = findCommand(name)!
      ctx.logger.info(`▶ ${name}`)
      try {
        results.push(await sub.run(commandArgs, {}, ctx))
      } catch (error) {
        if (!isUserError(error)) throw error
        results.push({ command: name, findings: [], errors: [{ path: `(${name})`, message: errorMessage(error) }], inputs: [] })
      }
    }
    return mergeResults('all', results)
  }
}
