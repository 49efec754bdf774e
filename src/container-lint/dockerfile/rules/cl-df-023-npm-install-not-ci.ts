import { hasCacheMount, runInstructions, runScript } from '../model.js'
import { packageCall, type PackageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

function omitsDev(call: PackageCall, production: boolean): boolean {
  if (production) return true
  return call.options.some((o) => o === '--production' || o === '--omit=dev' || o === '--only=production' || o === '--only=prod') ||
    (call.options.includes('--omit') && call.options[call.options.indexOf('--omit') + 1] === 'dev')
}

export const rule: DockerfileRule = {
  id: 'CL-DF-023',
  name: 'npm-install-not-ci',
  title: 'npm install instead of npm ci / dev dependencies in the runtime image',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'A bare `npm install` may rewrite the lockfile and resolve different versions than the ones tested; `npm ci` installs exactly the lockfile. In the final image dev dependencies are dead weight and attack surface, and `yarn install` leaves its cache behind unless cleaned.',
  fix: 'Use `npm ci` (with `--omit=dev` in the runtime stage, or build in a separate stage), and `yarn install --frozen-lockfile && yarn cache clean`.',
  anchors: { hadolint: 'DL3060 (yarn cache)' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model)) {
      const runtime = ins.stage?.runtime === true
      const commands = runScript(ins).commands
      const production = (ins.scope.get('NODE_ENV') ?? '') === 'production'
      const pruned = commands.some((c) => c.name === 'npm' && c.argv[1] === 'prune')
      for (const cmd of commands) {
        const call = packageCall(cmd)
        if (call === undefined) continue
        if (call.manager === 'npm' && (call.sub === 'install' || call.sub === 'i') && call.operands.length === 0 && !call.options.some((o) => o === '-g' || o === '--global')) {
          hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" installs project dependencies without the lockfile guarantee; use npm ci.` })
        } else if (call.manager === 'npm' && call.sub === 'ci' && runtime && !pruned && !omitsDev(call, production)) {
          hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" installs dev dependencies into the runtime image; add --omit=dev.` })
        } else if (call.manager === 'yarn' && (call.sub === '' || call.sub === 'install') && runtime) {
          const cleaned = commands.some((c) => c.name === 'yarn' && c.argv[1] === 'cache' && c.argv[2] === 'clean')
          if (!cleaned && !hasCacheMount(ins, '/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn')) {
            hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" leaves the yarn cache in the layer; add "&& yarn cache clean".` })
          }
        }
      }
    }
    return hits
  }
}
