import { resolveVars, runScript } from '../model.js'
import { packageCall, packageNames } from '../packages.js'
import { basename } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const SSH_PACKAGES = new Set(['openssh-server', 'dropbear', 'openssh'])
const SSH_DAEMONS = new Set(['sshd', 'dropbear'])

export const rule: DockerfileRule = {
  id: 'CL-DF-028',
  name: 'ssh-server',
  title: 'SSH server in the image or port 22 exposed',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'An SSH daemon in a container is a second, long-lived way in that bypasses the orchestrator’s access control and audit; use `docker exec` / `kubectl exec` instead. Checked in the final image and its ancestry.',
  fix: 'Remove openssh-server/dropbear and EXPOSE 22; debug with `kubectl exec` or an ephemeral debug container.',
  anchors: { hadolint: 'DL3001 (partial)', trivy: 'DS-0004', avd: 'AVD-DS-0004' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.runtime) {
      for (const ins of stage.instructions) {
        if (ins.keyword === 'EXPOSE') {
          for (const word of ins.words) {
            const port = resolveVars(word, ins.scope)
            if (port !== undefined && /^22(?:\/tcp)?$/i.test(port)) hits.push({ line: ins.line, message: 'EXPOSE 22 publishes an SSH port.' })
          }
        } else if (ins.keyword === 'RUN') {
          for (const cmd of runScript(ins).commands) {
            const call = packageCall(cmd)
            const installs = call !== undefined && (call.sub === 'install' || call.sub === 'add' || call.sub === 'in')
            const pkg = installs && call !== undefined ? packageNames(call).find((p) => SSH_PACKAGES.has(p.split(/[=<>~]/)[0] as string)) : undefined
            if (pkg !== undefined) hits.push({ line: ins.line, message: `RUN installs the SSH server package "${pkg}".` })
            else if (SSH_DAEMONS.has(cmd.name)) hits.push({ line: ins.line, message: `RUN starts ${cmd.name}.` })
          }
        } else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
          const words = ins.json ?? ins.words
          if (words.some((w) => SSH_DAEMONS.has(basename(w)))) hits.push({ line: ins.line, message: `${ins.keyword} starts an SSH daemon.` })
        }
      }
    }
    return hits
  }
}
