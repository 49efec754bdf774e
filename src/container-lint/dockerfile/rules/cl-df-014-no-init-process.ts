import { effective } from '../model.js'
import { basename } from '../shell.js'
import type { DockerfileRule } from '../types.js'

const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init', 'init', 's6-svscan', 'runsvdir', 'supervisord'])

export const rule: DockerfileRule = {
  id: 'CL-DF-014',
  name: 'no-init-process',
  title: 'No init process as PID 1',
  severity: 'low',
  kind: 'misconfiguration',
  enabledByDefault: false,
  rationale:
    'A program running as PID 1 gets no default signal handlers and must reap zombie children itself; most apps do neither. A tiny init (tini, dumb-init, catatonit, s6) forwards signals and reaps zombies. Off by default: `docker run --init` and many runtimes provide one.',
  fix: 'Install tini or dumb-init and start through it: `ENTRYPOINT ["/usr/bin/tini", "--"]`.',
  anchors: {},
  check(model) {
    const entrypoint = effective(model, 'ENTRYPOINT')
    const start = entrypoint ?? effective(model, 'CMD')
    if (start === undefined) return []
    const first = start.json?.[0] ?? start.words[0]
    if (first === undefined || INITS.has(basename(first))) return []
    return [{ line: start.line, message: `The container starts "${first}" as PID 1 without an init (tini, dumb-init) to forward signals and reap zombies.` }]
  }
}
