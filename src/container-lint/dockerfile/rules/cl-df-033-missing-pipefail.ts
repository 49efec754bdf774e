import { runInstructions, runScript, type Instruction } from '../model.js'
import { isShellName } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

function shellHasPipefail(shell: readonly string[]): boolean {
  const i = shell.indexOf('-o')
  return (i >= 0 && shell[i + 1] === 'pipefail') || shell.some((a) => /^-[a-z]*o$/.test(a) && shell[shell.indexOf(a) + 1] === 'pipefail')
}

function setsPipefail(ins: Instruction): boolean {
  return runScript(ins).commands.some((c) => (c.name === 'set' || isShellName(c.argv[0])) && c.argv.includes('pipefail'))
}

export const rule: DockerfileRule = {
  id: 'CL-DF-033',
  name: 'missing-pipefail',
  title: 'Pipe in RUN without pipefail',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A pipeline returns the status of its last command, so in `curl … | tar x` a failed download still lets the build succeed with a broken image. `set -o pipefail` (or a SHELL with `-o pipefail`) makes the first failure fail the step.',
  fix: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or start it with `set -o pipefail &&`.',
  anchors: { hadolint: 'DL4006' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      if (ins.json !== undefined && !isShellName(ins.json[0])) continue
      const script = runScript(ins)
      if (!script.hasPipe) continue
      if (shellHasPipefail(ins.shell) || (ins.json !== undefined && ins.json.includes('pipefail')) || setsPipefail(ins)) continue
      hits.push({ line: ins.line, message: 'This RUN pipes commands without pipefail; a failure before the last pipe stage is ignored.' })
    }
    return hits
  }
}
