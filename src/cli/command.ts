import type { RunContext } from '../core/context.js'
import type { ScanResult } from '../core/result.js'

/**
 * One CLI sub-command. `args` are the positional arguments after the command
 * name and `flags` the command-specific `--name value` options that the
 * common parser did not consume (see src/cli/args.ts).
 */
export interface CliCommand {
  name: string
  summary: string
  /** Extra usage lines shown by --help. */
  usage: string
  run(args: string[], flags: Record<string, string | boolean>, ctx: RunContext): Promise<ScanResult>
}
