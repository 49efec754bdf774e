import { runtimeInstructions } from '../model.js'
import type { DockerfileRule } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-010',
  name: 'missing-healthcheck',
  title: 'Final image has no HEALTHCHECK',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Without a HEALTHCHECK, Docker and Compose cannot tell a hung process from a healthy one. `HEALTHCHECK NONE` is an explicit opt-out (e.g. on Kubernetes, where probes do this job) and is accepted.',
  fix: 'Add `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]` to the final stage, or `HEALTHCHECK NONE` when the orchestrator probes the container.',
  anchors: { hadolint: 'DL3057', trivy: 'DS-0026', avd: 'AVD-DS-0026', dockle: 'CIS-DI-0006' },
  check(model) {
    const final = model.final
    if (final === undefined || runtimeInstructions(model, 'HEALTHCHECK').length > 0) return []
    return [{ line: final.from.line, message: `The final image (stage ${final.name ?? final.index}) defines no HEALTHCHECK.`, key: `missing HEALTHCHECK ${final.from.text}` }]
  }
}
