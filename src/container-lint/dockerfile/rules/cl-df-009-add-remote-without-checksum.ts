import { flagValue } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'
import { isRemoteSource } from './cl-df-008-add-instead-of-copy.js'

const GIT_SOURCE = /^git@|\.git(?:#|$)|^git:\/\//i
const PINNED_COMMIT = /#[0-9a-f]{40}(?::|$)/i

export const rule: DockerfileRule = {
  id: 'CL-DF-009',
  name: 'add-remote-without-checksum',
  title: 'ADD fetches a URL without --checksum',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'ADD <url> downloads whatever the server returns at build time; without `--checksum` a compromised or changed download goes into the image unnoticed. Git sources pinned to a full commit hash are accepted.',
  fix: 'Add `--checksum=sha256:<hash>` to the ADD (or pin git sources to a commit), or download in a RUN and verify with sha256sum.',
  anchors: { trivy: 'DS-0005', avd: 'AVD-DS-0005' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'ADD' || flagValue(ins, 'checksum') !== undefined) continue
        const words = ins.json ?? ins.words
        const remote = words.slice(0, -1).filter((s) => isRemoteSource(s) && !(GIT_SOURCE.test(s) && PINNED_COMMIT.test(s)))
        if (remote.length === 0) continue
        hits.push({ line: ins.line, message: `ADD fetches ${remote.join(', ')} without verifying a checksum.` })
      }
    }
    return hits
  }
}
