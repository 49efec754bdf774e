import { resolveVars } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const PORT_SPEC = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i

export const rule: DockerfileRule = {
  id: 'CL-DF-029',
  name: 'invalid-expose',
  title: 'EXPOSE with an invalid port',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'EXPOSE takes `port[/tcp|udp|sctp]` or a range, with ports 0–65535. Host mappings (`8080:80`), IP addresses or typos fail the build or silently document the wrong port. Variables are resolved first; unknown ones are not judged.',
  fix: 'Write `EXPOSE 8080` or `EXPOSE 8080/udp`; publish host ports at run time (`-p 80:8080`), not in the Dockerfile.',
  anchors: { hadolint: 'DL3011', trivy: 'DS-0008', avd: 'AVD-DS-0008', docker: 'ExposeInvalidFormat' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'EXPOSE') continue
        for (const word of ins.words) {
          const spec = resolveVars(word, ins.scope)
          if (spec === undefined) continue
          const m = PORT_SPEC.exec(spec)
          const low = m === null ? NaN : Number(m[1])
          const high = m?.[2] === undefined ? low : Number(m[2])
          if (m === null || low > 65535 || high > 65535 || high < low) hits.push({ line: ins.line, key: `${ins.text} ${spec}`, message: `EXPOSE "${spec}" is not a valid port (0-65535, optional /tcp, /udp or /sctp).` })
        }
      }
    }
    return hits
  }
}
