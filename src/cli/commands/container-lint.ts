import { runContainerLint } from '../../container-lint/index.js'
import { UserError } from '../../core/errors.js'
import type { CliCommand } from '../command.js'

export const command: CliCommand = {
  name: 'container-lint',
  summary: 'Lint Dockerfiles and Kubernetes manifests for hardening (CL-DF-*, CL-K8S-* rules)',
  usage: [
    'deploy-gates container-lint [paths…]',
    '  paths: files, directories or globs (default: .). Directories are searched for Dockerfile, Containerfile,',
    '  *.Dockerfile, Dockerfile.* and YAML/JSON manifests (node_modules and .git skipped); a file named',
    '  explicitly is always linted. Manifests are linted together (NetworkPolicy rules span all files).',
    '  Rules are enabled, disabled and re-graded in the config file under `container-lint.rules`.'
  ].join('\n'),
  async run(args, flags, ctx) {
    const unknown = Object.keys(flags)
    if (unknown.length > 0) throw new UserError(`container-lint: unknown option --${unknown[0]}`)
    return runContainerLint(ctx, { paths: args.length > 0 ? args : ['.'] })
  }
}
