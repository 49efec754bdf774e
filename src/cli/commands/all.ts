import { errorMessage, isUserError } from '../../core/errors.js'
import { mergeResults } from '../../core/pipeline.js'
import type { ScanResult } from '../../core/result.js'
import { rejectUnknownFlags, stringFlag } from '../args.js'
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
  usage: 'deploy-gates all [paths…] [--reports GLOB[,GLOB…]] [--min-auth-level LEVEL] [--migrations DIR]',
  async run(args, flags, ctx) {
    rejectUnknownFlags(flags, ['reports', 'min-auth-level', 'migrations'])
    const paths = args.length ? args : ['.']
    const reports = (stringFlag(flags, 'reports') ?? '').split(/[\n,]/).map(s => s.trim()).filter(Boolean)
    const minAuth = stringFlag(flags, 'min-auth-level')
    const migrations = stringFlag(flags, 'migrations')
    const plan: Array<[string, string[], Record<string, string>]> = [
      ['container-lint', paths, {}],
      ['oidc-guard', ['audit', ...paths], minAuth ? { 'min-auth-level': minAuth } : {}],
      ['rollback-verify', ['check', ...paths], migrations ? { migrations } : {}]
    ]
    if (reports.length || Array.isArray(ctx.config.section('gates').reports)) plan.push(['gates', reports, {}])
    const results: ScanResult[] = []
    for (const [name, commandArgs, commandFlags] of plan) {
      const sub = findCommand(name)!
      ctx.logger.info(`▶ ${name}`)
      try {
        results.push(await sub.run(commandArgs, commandFlags, ctx))
      } catch (error) {
        if (!isUserError(error)) throw error
        results.push({ command: name, findings: [], errors: [{ path: `(${name})`, message: errorMessage(error) }], inputs: [] })
      }
    }
    return mergeResults('all', results)
  }
}
