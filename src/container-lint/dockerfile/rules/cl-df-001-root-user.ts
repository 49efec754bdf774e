import { effective, userOf } from '../model.js'
import type { DockerfileRule } from '../types.js'

const ROOT = new Set(['root', '0'])

export const rule: DockerfileRule = {
  id: 'CL-DF-001',
  name: 'root-user',
  title: 'Final image runs as root',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'The last USER of the final image (along its FROM <stage> ancestry) is root, so every process in the container runs as uid 0; a container escape or a writable host mount then acts with root rights. USER root in builder stages is fine and not reported.',
  fix: 'End the final stage with a non-root numeric user, e.g. `USER 10001:10001` (create it with useradd/adduser first if the base image has none).',
  anchors: { hadolint: 'DL3002', trivy: 'DS-0002', avd: 'AVD-DS-0002', dockle: 'CIS-DI-0001' },
  check(model) {
    const user = effective(model, 'USER')
    if (user === undefined) return []
    const name = userOf(user)
    if (name === undefined || !ROOT.has(name.toLowerCase())) return []
    return [{ line: user.line, message: `The final image runs as "${name}": the last USER along its ancestry (line ${user.line}) is root.` }]
  }
}
