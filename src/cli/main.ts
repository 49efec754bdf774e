import { resolve } from 'node:path'
import { loadConfig } from '../core/config.js'
import type { RunContext } from '../core/context.js'
import { errorMessage, isUserError, UserError } from '../core/errors.js'
import { silentLogger, stderrLogger } from '../core/logger.js'
import { finalize, parseBudgets } from '../core/pipeline.js'
import { EXIT_CODES, type Report } from '../core/result.js'
import { parseThreshold } from '../core/severity.js'
import { reportSarif, toJsonResult, VERSION, writeOutputFile } from '../core/write-outputs.js'
import { parseArgs, type CommonArgs } from './args.js'
import { publishToGitHub } from './github.js'
import { command as all } from './commands/all.js'
import { COMMANDS, findCommand } from './commands/index.js'
import { renderText } from './text-output.js'

function usage(): string {
  const lines = [
    `deploy-gates ${VERSION}: security gates for deployment pipelines`,
    '',
    'usage: deploy-gates <command> [paths…] [options]',
    '',
    'commands:',
    ...[...COMMANDS, all].map(c => `  ${c.name.padEnd(16)} ${c.summary}`),
    '',
    'options:',
    '  --format text|json|sarif   output format (default text)',
    '  --output FILE, -o FILE     write the output to FILE instead of stdout',
    '  --sarif-file FILE          also write merged SARIF to FILE',
    '  --config FILE, -c FILE     config file (default .github/deploy-gates.yml, optional)',
    '  --fail-on SEVERITY         lowest blocking severity: critical|high|medium|low|info|none (default high)',
    '  --budgets LIST             per-severity budgets, e.g. high=3,medium=10 (more than N block)',
    '  --workspace DIR, -C DIR    repository root; paths and findings are relative to it (default .)',
    '  --allow-outside            allow reading files outside the workspace',
    '  --quiet, -q                no progress on stderr',
    '  --github                   also write annotations, job summary and outputs for GitHub Actions',
    '',
    'exit status: 0 pass, 1 blocked by policy, 2 error (bad input, bad config, unreadable file)',
    '',
    ...[...COMMANDS, all].flatMap(c => [`${c.name}:`, ...c.usage.split('\n').map(l => `  ${l}`)])
  ]
  return `${lines.join('\n')}\n`
}

async function emit(report: Report, args: CommonArgs, workspace: string): Promise<void> {
  const body =
    args.format === 'json'
      ? toJsonResult(report)
      : args.format === 'sarif'
        ? `${JSON.stringify(reportSarif(report).log, null, 2)}\n`
        : renderText(report, !args.output && process.stdout.isTTY === true && !process.env.NO_COLOR)
  if (args.sarifFile) {
    await writeOutputFile(workspace, args.sarifFile, `${JSON.stringify(reportSarif(report).log, null, 2)}\n`, report.inputs)
  }
  if (args.output) await writeOutputFile(workspace, args.output, body, report.inputs)
  else process.stdout.write(body)
}

function errorReport(command: string, message: string): Report {
  return {
    command,
    verdict: 'error',
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    findings: [],
    errors: [{ path: '(cli)', message }],
    blocking: [],
    inputs: [],
    notices: [],
    sections: []
  }
}

/** Runs the CLI and returns the exit status; never throws. */
export async function main(argv: string[]): Promise<number> {
  let args: CommonArgs | undefined
  try {
    args = parseArgs(argv)
    if (args.version) {
      process.stdout.write(`${VERSION}\n`)
      return 0
    }
    if (args.help || !args.command) {
      ;(args.help ? process.stdout : process.stderr).write(usage())
      return args.help ? 0 : 2
    }
    const command = args.command === 'all' ? all : findCommand(args.command)
    if (!command) throw new UserError(`unknown command "${args.command}"; run deploy-gates --help`)
    const workspace = resolve(args.workspace ?? '.')
    const failOn = args.failOn !== undefined ? parseThreshold(args.failOn, '--fail-on') : undefined
    const ignoreUnfixed = args.flags['ignore-unfixed'] !== undefined ? args.flags['ignore-unfixed'] !== 'false' : undefined
    const budgets = args.budgets !== undefined ? parseBudgets(args.budgets, '--budgets') : undefined
    const config = await loadConfig(workspace, args.config)
    const showProgress = !args.quiet && process.stderr.isTTY === true
    const ctx: RunContext = { workspace, config, logger: showProgress ? stderrLogger : silentLogger, allowOutside: args.allowOutside }
    const scan = await command.run(args.positionals, args.flags, ctx)
    const report = finalize(scan, config, { failOn, budgets, ignoreUnfixed })
    await emit(report, args, workspace)
    if (args.github) publishToGitHub(report, text => process.stdout.write(text))
    return EXIT_CODES[report.verdict]
  } catch (error) {
    const message = isUserError(error) ? errorMessage(error) : `internal error: ${errorMessage(error)}`
    if (!isUserError(error) && process.env.DEPLOY_GATES_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`)
    if (args?.format === 'json') process.stdout.write(toJsonResult(errorReport(args.command ?? '', message)))
    process.stderr.write(`deploy-gates: ${message}\n`)
    return 2
  }
}
