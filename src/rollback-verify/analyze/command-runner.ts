import { spawn } from 'node:child_process'
import { constants } from 'node:os'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
  /** The runner killed the command after its timeout. */
  timedOut?: boolean
}

export interface CommandOptions {
  cwd?: string
  timeoutMs?: number
}

/**
 * Runs one argv without a shell. Rejects when the command cannot start at all (ENOENT, EACCES);
 * resolves with the exit code otherwise. The action adapter may pass an @actions/exec-based one.
 */
export type CommandRunner = (argv: readonly string[], options?: CommandOptions) => Promise<CommandResult>

export class CommandStartError extends Error {
  override name = 'CommandStartError'
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 15 * 60_000
const MAX_CAPTURE = 64 * 1024
const KILL_GRACE_MS = 5_000

export const nodeCommandRunner: CommandRunner = (argv, options = {}) =>
  new Promise((resolve, reject) => {
    const [file, ...args] = argv
    if (!file) {
      reject(new CommandStartError('empty command'))
      return
    }
    const started = performance.now()
    let stdout = ''
    let stderr = ''
    let timedOut = false
    let spawned = false
    const child = spawn(file, args, { cwd: options.cwd, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    // Keep the tail: the end of a failing command's output is what explains it.
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-MAX_CAPTURE)))
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-MAX_CAPTURE)))
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
    let killTimer: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
    }, timeoutMs)
    child.on('spawn', () => (spawned = true))
    child.on('error', error => {
      if (spawned) return
      clearTimeout(timer)
      const code = (error as NodeJS.ErrnoException).code
      const reason = code === 'ENOENT' ? 'command not found' : code === 'EACCES' ? 'permission denied' : error.message
      reject(new CommandStartError(`cannot start "${file}": ${reason}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
      if (!spawned) return
      const signalNumber = signal ? (constants.signals as Record<string, number>)[signal] : undefined
      const exitCode = code ?? (signalNumber ? 128 + signalNumber : 1)
      resolve({ exitCode, stdout, stderr, durationMs: Math.round(performance.now() - started), ...(timedOut && { timedOut: true }) })
    })
  })
