import { gatesOptionsFromConfig, parseFormat, parseSecretSeverity, runGates } from '../../gates/index.js'
import { rejectUnknownFlags, stringFlag } from '../args.js'
import type { CliCommand } from '../command.js'

export const command: CliCommand = {
  name: 'gates',
  summary: 'aggregate scanner reports (Trivy, Gitleaks, Semgrep, tfsec, checkov, npm audit, any SARIF) and decide',
  usage: [
    'deploy-gates gates REPORT_OR_GLOB… [--report-format auto|trivy-json|…] [--allow-missing]',
    '  [--secret-severity critical] [--baseline FILE --new-only] [--ignore-unfixed]'
  ].join('\n'),
  async run(args, flags, ctx) {
    rejectUnknownFlags(flags, ['report-format', 'allow-missing', 'secret-severity', 'baseline', 'new-only', 'ignore-unfixed'])
    const options = gatesOptionsFromConfig(ctx, {
      reports: args,
      format: parseFormat(stringFlag(flags, 'report-format') ?? ''),
      ...(flags['allow-missing'] !== undefined && { allowMissing: flags['allow-missing'] !== 'false' }),
      secretSeverity: parseSecretSeverity(stringFlag(flags, 'secret-severity') ?? ''),
      baseline: stringFlag(flags, 'baseline'),
      ...(flags['new-only'] !== undefined && { newOnly: flags['new-only'] !== 'false' })
    })
    return runGates(ctx, options)
  }
}
