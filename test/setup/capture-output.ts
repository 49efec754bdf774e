import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

// Tees everything this test worker prints (the CLI, the actions' @actions/core
// commands, test logs) into a file that global-setup.ts scans for token
// material once every test has run.
const dir = join(import.meta.dirname, '../../.tmp/test-output')
mkdirSync(dir, { recursive: true })
const file = join(dir, `${process.pid}.log`)

/** For output that tests capture themselves (runCli): it is scanned too. */
export function recordOutput(text: string): void {
  try {
    appendFileSync(file, text)
  } catch {
    // Another vitest run may have reset the folder (global setup): recreate it once.
    mkdirSync(dir, { recursive: true })
    appendFileSync(file, text)
  }
}

for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    try {
      appendFileSync(file, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array))
    } catch {
      // Capture must never break a test.
    }
    return original(chunk, ...rest)
  }) as typeof stream.write
}
