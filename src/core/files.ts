import { lstat, open, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { glob } from 'tinyglobby'
import { InputFileError } from './errors.js'
import type { InputError } from './result.js'
import { normalizePath } from './finding.js'

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024

export interface ReadOptions {
  /** Workspace root; paths resolving outside it are refused unless allowOutside. */
  workspace: string
  allowOutside?: boolean
  maxBytes?: number
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** Path shown to users and stored in findings: relative to the workspace when inside it. */
export function displayPath(workspace: string, path: string): string {
  const abs = resolve(workspace, path)
  return normalizePath(isInside(workspace, abs) ? relative(workspace, abs) || '.' : abs)
}

/**
 * Reads a text input and fails closed with a message naming the file and the
 * fault: missing, a directory, outside the workspace, too large, empty,
 * binary. A UTF-8 BOM is dropped and UTF-16 (as PowerShell redirection
 * writes it) is decoded, so the content is judged, not its encoding.
 */
export async function readTextInput(path: string, options: ReadOptions): Promise<string> {
  const { bytes, shown } = await readInputBytes(path, options)
  return decodeText(bytes, shown)
}

/**
 * One buffer reused from file to file, so reading many large reports keeps
 * one file's bytes in memory, not one per file until the next collection.
 * A read returns a view of it, valid until the next read.
 */
export class ReadBuffer {
  private buffer = Buffer.allocUnsafeSlow(0)

  async read(abs: string, size: number): Promise<Buffer> {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(size)
    return readInto(abs, this.buffer, size)
  }
}

async function readInto(abs: string, buffer: Buffer, size: number): Promise<Buffer> {
  const handle = await open(abs, 'r')
  try {
    let length = 0
    while (length < size) {
      const { bytesRead } = await handle.read(buffer, length, size - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/**
 * readTextInput's checks, then the raw bytes (into `into` when given: the
 * view is valid until its next read). `shown` is the path for messages.
 */
export async function readInputBytes(path: string, options: ReadOptions, into?: ReadBuffer): Promise<{ bytes: Buffer; shown: string }> {
  const abs = resolve(options.workspace, path)
  const shown = displayPath(options.workspace, path)
  let info
  try {
    info = await lstat(abs)
  } catch {
    throw new InputFileError(shown, 'file not found')
  }
  if (!options.allowOutside) {
    if (!isInside(resolve(options.workspace), abs)) {
      throw new InputFileError(shown, 'path is outside the workspace; pass it explicitly with allow-outside to read it')
    }
    // The real path decides: a link in the last component or in any folder on the way
    // (linked-dir/report.json, a glob through a linked folder) must not lead outside.
    const target = await realpath(abs).catch(() => undefined)
    const root = await realpath(options.workspace).catch(() => resolve(options.workspace))
    if (!target && info.isSymbolicLink()) throw new InputFileError(shown, 'broken symbolic link')
    if (target && !isInside(root, target)) {
      throw new InputFileError(
        shown,
        info.isSymbolicLink()
          ? `symbolic link points outside the workspace (${target})`
          : `path goes through a symbolic link to outside the workspace (${target})`
      )
    }
  }
  const real = await stat(abs).catch(() => undefined)
  if (!real) throw new InputFileError(shown, 'file not found')
  if (real.isDirectory()) throw new InputFileError(shown, 'is a directory, expected a file')
  if (!real.isFile()) throw new InputFileError(shown, 'is not a regular file')
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (real.size > max) {
    throw new InputFileError(shown, `file is ${formatBytes(real.size)}, larger than the ${formatBytes(max)} limit`)
  }
  if (real.size === 0) throw new InputFileError(shown, 'file is empty')
  const bytes = into ? await into.read(abs, real.size) : await readInto(abs, Buffer.allocUnsafe(real.size), real.size)
  if (bytes.length === 0) throw new InputFileError(shown, 'file is empty')
  return { bytes, shown }
}

export function decodeText(bytes: Buffer, shown: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2))
    swapped.swap16()
    return swapped.toString('utf16le')
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  if (body.includes(0)) throw new InputFileError(shown, 'binary file (contains NUL bytes), expected text')
  const text = body.toString('utf8')
  if (text.trim() === '') throw new InputFileError(shown, 'file is empty (only white space)')
  return text
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${n} B`
}

const GLOB_CHARS = /[*?[\]{}]/

export interface ExpandResult {
  files: string[]
  errors: InputError[]
}

/**
 * Expands report globs to files (sorted, de-duplicated). A pattern that
 * matches nothing is an error unless allowMissing: a gate must not pass
 * because a scanner wrote its report somewhere else.
 */
export async function expandGlobs(
  patterns: string[],
  workspace: string,
  options: { allowMissing?: boolean } = {}
): Promise<ExpandResult> {
  const files = new Set<string>()
  const errors: InputError[] = []
  for (const pattern of patterns.map(p => p.trim()).filter(Boolean)) {
    if (!GLOB_CHARS.test(pattern)) {
      // Literal path: keep it even if missing so the reader reports the exact fault.
      const exists = await stat(resolve(workspace, pattern)).catch(() => undefined)
      if (exists || !options.allowMissing) files.add(pattern)
      continue
    }
    const matches = await glob(pattern, { cwd: workspace, dot: true, onlyFiles: true, expandDirectories: false })
    if (matches.length === 0 && !options.allowMissing) {
      errors.push({ path: pattern, message: 'glob matched no file (set allow-missing to accept that)' })
    }
    matches.forEach(m => files.add(m))
  }
  return { files: [...files].sort(), errors }
}

/** Lists files under the given roots (files or directories) that `accept` picks, skipping VCS and dependency folders. */
export async function collectFiles(
  roots: string[],
  workspace: string,
  accept: (path: string) => boolean
): Promise<ExpandResult> {
  const files = new Set<string>()
  const errors: InputError[] = []
  for (const root of roots) {
    const abs = resolve(workspace, root)
    const info = await stat(abs).catch(() => undefined)
    if (!info) {
      if (GLOB_CHARS.test(root)) {
        const matches = await glob(root, { cwd: workspace, dot: true, onlyFiles: true })
        if (matches.length === 0) errors.push({ path: root, message: 'glob matched no file' })
        matches.forEach(m => files.add(normalizePath(m)))
      } else {
        errors.push({ path: root, message: 'file or directory not found' })
      }
      continue
    }
    if (info.isFile()) {
      files.add(displayPath(workspace, root)) // an explicit file is always linted
      continue
    }
    const matches = await glob('**/*', {
      cwd: abs,
      dot: true,
      onlyFiles: true,
      ignore: ['**/node_modules/**', '**/.git/**']
    })
    for (const m of matches) {
      const rel = displayPath(workspace, resolve(abs, m))
      if (accept(rel)) files.add(rel)
    }
  }
  return { files: [...files].sort(), errors }
}
