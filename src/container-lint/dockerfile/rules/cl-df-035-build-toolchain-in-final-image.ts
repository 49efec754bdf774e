import { runInstructions, runScript, type Instruction } from '../model.js'
import { isOsManager, packageCall, packageNames } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const TOOLCHAIN = /^(?:gcc|g\+\+|clang|llvm|make|cmake|build-essential|build-base|autoconf|automake|libtool|gcc-c\+\+|musl-dev|linux-headers|[a-z0-9.+-]+-(?:dev|devel))(?:[=<>~].*)?$/
const REMOVE_SUBS = new Set(['purge', 'remove', 'autoremove', 'del', 'erase'])

/**
 * The official-image idiom: `apt-mark auto '.*'` (or `apt-mark showmanual | xargs apt-mark auto`)
 * followed by `apt-get purge --auto-remove` removes every build dependency installed in the RUN.
 */
function autoRemovesEverything(ins: Instruction): boolean {
  const commands = runScript(ins).commands
  const marksAuto = commands.some((c) => c.name === 'apt-mark' && c.argv.includes('auto'))
  const autoRemove = commands.some((c) => {
    const call = packageCall(c)
    return call?.manager === 'apt' && (call.sub === 'autoremove' || ((call.sub === 'purge' || call.sub === 'remove') && call.options.includes('--auto-remove')))
  })
  return marksAuto && autoRemove
}

export const rule: DockerfileRule = {
  id: 'CL-DF-035',
  name: 'build-toolchain-in-final-image',
  title: 'Compiler toolchain installed in the final image',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Compilers, make and -dev headers in the runtime image add hundreds of MB and hand an attacker a ready toolchain. Packages removed again in the same RUN (`apk add --virtual .build-deps …` then `apk del .build-deps`, or apt-mark auto + `apt-get purge --auto-remove`) are not reported; builder stages are not judged.',
  fix: 'Compile in a builder stage and `COPY --from=build` only the artifacts into a slim final stage, or remove build dependencies in the same RUN.',
  anchors: { dockle: 'DKL-LI-0003 (spirit)' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { runtimeOnly: true })) {
      const installed: string[] = []
      const removed = new Set<string>()
      const virtualGroups = new Map<string, string[]>()
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call === undefined || !isOsManager(call)) continue
        const names = packageNames(call)
        if (call.sub === 'install' || call.sub === 'add' || call.sub === 'in') {
          const tools = names.filter((n) => TOOLCHAIN.test(n)).map((n) => n.split(/[=<>~]/)[0] as string)
          installed.push(...tools)
          const v = call.options.findIndex((o) => o === '--virtual' || o === '-t')
          const group = v >= 0 ? call.options[v + 1] : undefined
          if (group !== undefined) virtualGroups.set(group, tools)
        } else if (REMOVE_SUBS.has(call.sub)) {
          for (const n of names) {
            removed.add(n)
            for (const t of virtualGroups.get(n) ?? []) removed.add(t)
          }
        }
      }
      if (installed.length === 0 || autoRemovesEverything(ins)) continue
      const left = installed.filter((t) => !removed.has(t))
      if (left.length > 0) hits.push({ line: ins.line, message: `The final image keeps build tools: ${left.join(', ')}.` })
    }
    return hits
  }
}
