import { effective } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-013',
  name: 'shell-form-cmd',
  title: 'CMD/ENTRYPOINT in shell form',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'In shell form the container runs `/bin/sh -c "…"` as PID 1; the shell does not forward SIGTERM, so `docker stop` and Kubernetes wait for the grace period and then SIGKILL the app. Only a valid JSON array of double-quoted strings is exec form: `CMD "x"` or `[\'a\']` are shell form. Checked on the CMD/ENTRYPOINT the final image keeps (along its ancestry).',
  fix: 'Use exec form: `CMD ["node", "server.js"]` (or `exec` the program as the last shell command).',
  anchors: { hadolint: 'DL3025', docker: 'JSONArgsRecommended' },
  check(model) {
    // only what the final image keeps: overridden ones are CL-DF-012's business
    const hits: RuleHit[] = []
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      const ins = effective(model, keyword)
      if (ins === undefined || ins.json !== undefined || ins.body.trim() === '') continue
      hits.push({ line: ins.line, message: `${ins.keyword} uses shell form, so PID 1 is /bin/sh and signals do not reach the program.` })
    }
    return hits.sort((a, b) => a.line - b.line)
  }
}
