import { runInstructions, runScript } from '../model.js'
import { basename, type ShellCommand } from '../shell.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const INTERPRETER = /^(?:sh|bash|ash|dash|zsh|ksh|fish|python[0-9.]*|perl|ruby|node|php)$/
const SUBSTITUTED_FETCH = /(?:<\(|\$\(|`)\s*(?:curl|wget)\b/

function writesToStdout(cmd: ShellCommand): boolean {
  if (cmd.name === 'curl') return !cmd.argv.some((a, i) => (a === '-o' || a === '--output' || /^-[a-zA-Z]*o$/.test(a)) && cmd.argv[i + 1] !== '-') && !cmd.argv.includes('-O') && !cmd.argv.includes('--remote-name')
  if (cmd.name === 'wget') return cmd.argv.some((a, i) => ((a === '-O' || /^-[a-zA-Z]*O$/.test(a)) && (cmd.argv[i + 1] === '-' || cmd.argv[i + 1] === '/dev/stdout')) || /^-[a-zA-Z]*O-$/.test(a) || a === '--output-document=-')
  return false
}

export const rule: DockerfileRule = {
  id: 'CL-DF-034',
  name: 'remote-script-piped-to-shell',
  title: 'Remote script piped into an interpreter',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    '`curl … | sh` runs whatever the server returns at build time, unverified and unpinned: a compromised host or a changed script runs as root in your build. Also checked inside ONBUILD RUN triggers, where it runs in every child build.',
  fix: 'Download to a file, verify a pinned checksum (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it; or install from a package manager with a pinned version.',
  anchors: { scorecard: 'Pinned-Dependencies (download-then-run)' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of runInstructions(model, { triggers: true })) {
      const script = runScript(ins)
      let hit = false
      const fetchers = new Map<number, ShellCommand>()
      for (const cmd of script.commands) {
        if (cmd.pipePos === 0) fetchers.delete(cmd.pipeline)
        if ((cmd.name === 'curl' || cmd.name === 'wget') && writesToStdout(cmd)) fetchers.set(cmd.pipeline, cmd)
        else if (cmd.pipePos > 0 && fetchers.has(cmd.pipeline) && INTERPRETER.test(cmd.name)) hit = true
        if (INTERPRETER.test(cmd.name) && cmd.argv.some((a) => SUBSTITUTED_FETCH.test(a))) hit = true
      }
      if (!hit && /(?:sh|bash)\s+(?:-\S+\s+)*<\(\s*(?:curl|wget)\b/.test(script.text)) hit = true
      if (hit) hits.push({ line: ins.line, message: `${ins.onbuild !== undefined ? 'ONBUILD ' : ''}RUN pipes a downloaded script straight into an interpreter.` })
    }
    return hits
  }
}
