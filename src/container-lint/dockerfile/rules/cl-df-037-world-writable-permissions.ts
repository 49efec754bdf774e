import { flagValue, runInstructions, runScript } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

/** Octal mode with the others-write bit and without the sticky bit. */
export function worldWritableOctal(mode: string): boolean {
  if (!/^0?[0-7]{3,4}$/.test(mode)) return false
  const digits = mode.replace(/^0(?=[0-7]{4}$)/, '')
  const others = Number(digits[digits.length - 1])
  const special = digits.length === 4 ? Number(digits[0]) : 0
  return (others & 2) === 2 && (special & 1) === 0
}

const SYMBOLIC_WRITE = /(?:^|,)[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/

function worldWritableMode(mode: string): boolean {
  return worldWritableOctal(mode) || (SYMBOLIC_WRITE.test(mode) && !/t/.test(mode))
}

export const rule: DockerfileRule = {
  id: 'CL-DF-037',
  name: 'world-writable-permissions',
  title: 'World-writable file permissions',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    '`chmod 777`, `o+w` or `--chmod=777` let any user in the container (including a compromised non-root app) rewrite binaries, configs or scripts that root later executes. Sticky directories such as 1777 are not reported.',
  fix: 'Give ownership instead of permissions: `COPY --chown=10001:10001 …` and modes like 755 / 644 (or 1777 for shared temp dirs).',
  anchors: { dockle: 'CIS-DI-0008 (adjacent)' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue
        const mode = flagValue(ins, 'chmod')
        if (mode !== undefined && mode !== null && worldWritableMode(mode)) hits.push({ line: ins.line, message: `${ins.keyword} --chmod=${mode} makes files world-writable.` })
      }
    }
    for (const ins of runInstructions(model)) {
      for (const cmd of runScript(ins).commands) {
        let mode: string | undefined
        if (cmd.name === 'chmod') mode = cmd.argv.slice(1).find((a) => !a.startsWith('--') && !/^-[RfvcH]+$/.test(a))
        else if (cmd.name === 'install' || cmd.name === 'mkdir') {
          const i = cmd.argv.findIndex((a) => a === '-m' || a === '--mode')
          mode = i >= 0 ? cmd.argv[i + 1] : cmd.argv.find((a) => a.startsWith('--mode='))?.slice(7)
        }
        if (mode !== undefined && worldWritableMode(mode)) {
          hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" makes files world-writable.` })
          break
        }
      }
    }
    return hits
  }
}
