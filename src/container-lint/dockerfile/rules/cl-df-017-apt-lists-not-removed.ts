import { hasCacheMount, runInstructions, runScript } from '../model.js'
import { packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-017',
  name: 'apt-lists-not-removed',
  title: 'apt lists not removed after apt-get update',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    '`apt-get update` writes tens of MB to /var/lib/apt/lists; unless the same RUN removes them they stay in the layer forever (a later RUN cannot shrink it). A cache or tmpfs mount on that path avoids the problem. Checked in the final image and its ancestry.',
  fix: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or use `RUN --mount=type=cache,target=/var/lib/apt/lists …`.',
  anchors: { hadolint: 'DL3009', dockle: 'DKL-DI-0005' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { runtimeOnly: true })) {
      const script = runScript(ins)
      const updates = script.commands.some((c) => {
        const call = packageCall(c)
        return call?.manager === 'apt' && call.sub === 'update'
      })
      if (!updates || hasCacheMount(ins, '/var/lib/apt/lists')) continue
      const removed = script.commands.some((c) => c.name === 'rm' && c.argv.some((a) => a.startsWith('/var/lib/apt/lists')))
      if (!removed) hits.push({ line: ins.line, message: 'This RUN runs apt-get update but leaves /var/lib/apt/lists in the layer.' })
    }
    return hits
  }
}
