import { runtimeInstructions } from '../model.js'
import type { DockerfileRule } from '../types.js'

/** Bases that already default to a non-root user. */
const NONROOT_BASE = /(?:^|[-_.])nonroot(?:$|[-_.])/i

export const rule: DockerfileRule = {
  id: 'CL-DF-002',
  name: 'missing-user',
  title: 'Final image has no USER (implicit root)',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Without any USER along the final stage and its FROM <stage> ancestry the container runs as root by default. USER in an unrelated earlier stage does not apply to the final image; USER inherited through FROM <stage> does.',
  fix: 'Add `USER <uid>:<gid>` (a numeric non-root id) near the end of the final stage.',
  anchors: { trivy: 'DS-0002', avd: 'AVD-DS-0002', dockle: 'CIS-DI-0001' },
  check(model) {
    const final = model.final
    if (final === undefined || runtimeInstructions(model, 'USER').length > 0) return []
    const root = model.runtime[model.runtime.length - 1]
    const tag = root?.base.parts?.tag
    if (tag !== undefined && NONROOT_BASE.test(tag)) return []
    return [
      {
        line: final.from.line,
        message: `The final image (stage ${final.name ?? final.index}) sets no USER along its ancestry, so it runs as root.`,
        key: `missing USER ${final.from.text}`
      }
    ]
  }
}
