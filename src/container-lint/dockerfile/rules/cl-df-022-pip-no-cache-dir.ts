import { hasCacheMount, runInstructions, runScript } from '../model.js'
import { packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-022',
  name: 'pip-no-cache-dir',
  title: 'pip install without --no-cache-dir',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'pip keeps downloaded wheels in ~/.cache/pip, often hundreds of MB inside the layer. Only stages that feed the final image are checked; `PIP_NO_CACHE_DIR` or a cache mount on the pip cache is accepted.',
  fix: 'Use `pip install --no-cache-dir …`, set `ENV PIP_NO_CACHE_DIR=1`, or `RUN --mount=type=cache,target=/root/.cache/pip pip install …`.',
  anchors: { hadolint: 'DL3042' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { runtimeOnly: true })) {
      if (ins.scope.has('PIP_NO_CACHE_DIR') || hasCacheMount(ins, '/root/.cache/pip', '/root/.cache')) continue
      if (ins.flags.some((f) => f.name === 'mount' && (f.value ?? '').includes('type=cache') && (f.value ?? '').includes('.cache/pip'))) continue
      for (const cmd of runScript(ins).commands) {
        const call = packageCall(cmd)
        if (call?.manager !== 'pip' || call.sub !== 'install') continue
        if (call.options.includes('--no-cache-dir') || cmd.words.some((w) => w.startsWith('PIP_NO_CACHE_DIR='))) continue
        hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" keeps the pip download cache in the layer.` })
      }
    }
    return hits
  }
}
