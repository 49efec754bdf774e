import { flagValue, mounts, resolveVars, stageRef, type Instruction, type Stage } from '../model.js'
import type { DockerfileModel, DockerfileRule, RuleHit } from '../types.js'

function judge(model: DockerfileModel, stage: Stage, ins: Instruction, raw: string, what: string): RuleHit | undefined {
  const ref = resolveVars(raw, ins.scope)
  if (ref === undefined || ref === '') return undefined
  const target = stageRef(model, ref)
  if (target === 'image') return undefined
  if (target === undefined) {
    return /^\d+$/.test(ref)
      ? { line: ins.line, message: `${what} names stage index ${ref}, but the file has only ${model.stages.length} stage(s).` }
      : { line: ins.line, message: `${what} names "${ref}", which is no stage in this file (and not an image reference with a tag or registry).` }
  }
  if (target === stage) return { line: ins.line, message: `${what} names its own stage "${ref}".` }
  if (target.index > stage.index) return { line: ins.line, message: `${what} names stage "${ref}", which is defined after this stage.` }
  return undefined
}

export const rule: DockerfileRule = {
  id: 'CL-DF-030',
  name: 'copy-from-undefined-stage',
  title: 'COPY --from names an undefined stage or its own stage',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A `--from` that matches no earlier stage is pulled as an image from Docker Hub instead (a typo becomes a supply-chain risk), and a stage cannot copy from itself. Stage indexes and external references with a tag, digest or registry are valid.',
  fix: 'Use the alias of an earlier stage (`FROM golang:1.22 AS build` … `COPY --from=build …`) or a fully qualified image reference.',
  anchors: { hadolint: 'DL3022, DL3023', trivy: 'DS-0006', avd: 'AVD-DS-0006' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
          const from = flagValue(ins, 'from')
          const hit = from === undefined || from === null ? undefined : judge(model, stage, ins, from, `${ins.keyword} --from`)
          if (hit !== undefined) hits.push(hit)
        } else if (ins.keyword === 'RUN') {
          for (const m of mounts(ins)) {
            const from = m.get('from')
            const hit = from === undefined ? undefined : judge(model, stage, ins, from, 'RUN --mount from')
            if (hit !== undefined) hits.push(hit)
          }
        }
      }
    }
    return hits
  }
}
