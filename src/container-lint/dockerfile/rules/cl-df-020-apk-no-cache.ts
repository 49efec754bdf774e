import { hasCacheMount, runInstructions, runScript } from '../model.js'
import { packageCall } from '../packages.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-020',
  name: 'apk-no-cache',
  title: 'apk add without --no-cache',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'Without --no-cache apk keeps its index in /var/cache/apk inside the layer. A cache mount on /var/cache/apk or /etc/apk/cache, or removing the cache in the same RUN, is accepted. Checked in the final image and its ancestry.',
  fix: 'Use `apk add --no-cache <packages>`.',
  anchors: { hadolint: 'DL3019', trivy: 'DS-0025', avd: 'AVD-DS-0025', dockle: 'DKL-DI-0004' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { runtimeOnly: true })) {
      if (hasCacheMount(ins, '/var/cache/apk', '/etc/apk/cache')) continue
      const script = runScript(ins)
      const cleaned = script.commands.some((c) => c.name === 'rm' && c.argv.some((a) => a.startsWith('/var/cache/apk')))
      if (cleaned) continue
      for (const cmd of script.commands) {
        const call = packageCall(cmd)
        if (call?.manager === 'apk' && call.sub === 'add' && !call.options.includes('--no-cache')) {
          hits.push({ line: ins.line, message: `"${cmd.argv.join(' ')}" leaves the apk cache in the layer.` })
        }
      }
    }
    return hits
  }
}
