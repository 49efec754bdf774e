import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UserError } from '../../core/errors.js'

const run = promisify(execFile)

export interface ChangedFile {
  /** A added, M modified, D deleted, T type change (renames are split into D + A). */
  status: string
  /** Relative to the workspace (git's --relative view). */
  path: string
}

/** A base ref must look like a ref, never like an option: it goes into argv. */
function assertRef(ref: string): void {
  if (!/^[\w./@^~{}-]+$/.test(ref) || ref.startsWith('-')) throw new UserError(`base ref "${ref}" is not a valid git revision`)
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
    return stdout
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] ?? ''
    const hint = /unknown revision|bad revision|no merge base|ambiguous argument/i.test(stderr)
      ? ' (is the base ref fetched? actions/checkout needs fetch-depth: 0 or a fetch of the base branch)'
      : ''
    throw new UserError(`git ${args[0] ?? ''} failed: ${stderr || (error as Error).message}${hint}`)
  }
}

/** Files changed between the merge base of `baseRef` and HEAD (`git diff base...HEAD`), argv only, no shell. */
export async function changedFiles(workspace: string, baseRef: string): Promise<ChangedFile[]> {
  assertRef(baseRef)
  const out = await git(workspace, ['diff', '--name-status', '--no-renames', '--relative', '-z', `${baseRef}...HEAD`, '--'])
  const parts = out.split('\0').filter(p => p !== '')
  const files: ChangedFile[] = []
  for (let i = 0; i + 1 < parts.length; i += 2) files.push({ status: (parts[i] ?? '').charAt(0), path: parts[i + 1] ?? '' })
  return files
}

/** File names under `dir` (workspace-relative) as they are on `baseRef`, relative to the workspace. */
export async function filesAtRef(workspace: string, baseRef: string, dir: string): Promise<string[]> {
  assertRef(baseRef)
  const out = await git(workspace, ['ls-tree', '-r', '--name-only', '-z', baseRef, '--', dir === '.' ? '.' : dir])
  return out.split('\0').filter(p => p !== '')
}
