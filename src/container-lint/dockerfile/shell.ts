/**
 * A small POSIX-shell reader, good enough for linting RUN scripts: it splits a
 * script into simple commands (words with quotes removed), remembers which
 * commands form a pipeline, and looks through `sudo`/`env`/`sh -c "…"`
 * wrappers. It never throws; odd input just yields fewer commands.
 */

import type { PackageCall } from './packages.js'

export interface ShellCommand {
  /** Words as written (quotes removed), including leading assignments and wrappers. */
  words: string[]
  /** Words after leading `VAR=x` assignments and wrappers (sudo, env, nice, …). */
  argv: string[]
  /** Basename of argv[0], or '' when there is none. */
  name: string
  /** Index of the pipeline this command belongs to. */
  pipeline: number
  /** Position inside the pipeline: 0 = first (not fed by a pipe). */
  pipePos: number
  /** Raw text of the redirection targets (`> file`), for checks like wget -O -. */
  redirects: string[]
  /** Filled by packageCall() on first use: null = not a package manager. */
  callCache?: PackageCall | null
}

export interface ShellScript {
  commands: ShellCommand[]
  /** True when some pipeline has two or more commands. */
  hasPipe: boolean
  /** The script text the commands came from. */
  text: string
}

export const EMPTY_SCRIPT: ShellScript = { commands: [], hasPipe: false, text: '' }

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/
/** ASCII characters that end a plain run of word characters: blanks and shell metacharacters. */
const SPECIAL = new Uint8Array(128)
for (const ch of ' \t\n\v\f\r\\\'"`$#|&;()<>') SPECIAL[ch.charCodeAt(0)] = 1

/** True for what `[^\s\\'"`$#|&;()<>]` matches: not a blank (Unicode ones included) and not a metacharacter. */
export function isPlainChar(code: number): boolean {
  if (code < 128) return SPECIAL[code] === 0
  // the non-ASCII members of \s
  return !(
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}
/** Reserved words that may prefix a command without being the command. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time'])
const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'command', 'exec', 'eatmydata', 'stdbuf', 'timeout', 'doas', 'gosu', 'su-exec', 'chroot'])
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox'])
/** Wrapper options that take a separate value. */
const WRAPPER_VALUE_OPTS = new Set(['-u', '-g', '-n', '-C', '-h', '-p', '-U', '-r', '-t', '-s', '-k', '-i', '-o', '-e'])

export function basename(word: string): string {
  const slash = word.lastIndexOf('/')
  return slash >= 0 ? word.slice(slash + 1) : word
}

export function isShellName(word: string | undefined): boolean {
  return word !== undefined && SHELLS.has(basename(word))
}

/** Strips assignments and wrappers so that `sudo -E env X=1 apt-get …` → `apt-get …`. */
function commandArgv(words: string[]): string[] {
  let i = 0
  while (i < words.length) {
    const w = words[i] ?? ''
    if (RESERVED.has(w) || ASSIGNMENT.test(w)) {
      i++
      continue
    }
    const name = basename(w)
    if (WRAPPERS.has(name)) {
      i++
      // wrapper options (and for timeout/gosu/chroot their first operand)
      while (i < words.length) {
        const o = words[i] ?? ''
        if (o === '--') {
          i++
          break
        }
        if (o.startsWith('-')) {
          i += WRAPPER_VALUE_OPTS.has(o) && name !== 'env' ? 2 : 1
          continue
        }
        if (ASSIGNMENT.test(o)) {
          i++
          continue
        }
        break
      }
      if (name === 'timeout' || name === 'gosu' || name === 'su-exec' || name === 'chroot') i++
      continue
    }
    break
  }
  return words.slice(i)
}

class Reader {
  readonly commands: ShellCommand[] = []
  private words: string[] = []
  private redirects: string[] = []
  private word = ''
  private inWord = false
  private pipeline = 0
  private pipePos = 0
  private pendingRedirect = false
  /** Inside `case … in` before a pattern's `)`: `|` separates patterns there, it is no pipe. */
  private inPattern = false
  private caseDepth = 0
  hasPipe = false

  constructor(
    private readonly src: string,
    private readonly depth: number
  ) {}

  private endWord(): void {
    if (!this.inWord) return
    if (this.pendingRedirect) {
      this.redirects.push(this.word)
      this.pendingRedirect = false
    } else {
      this.words.push(this.word)
    }
    const word = this.word
    this.word = ''
    this.inWord = false
    if (word === 'in' && this.words.length === 3 && this.words[0] === 'case') {
      this.caseDepth++
      this.endCommand('list')
      this.inPattern = true
    } else if (word === 'esac' && this.words.length === 1 && this.caseDepth > 0) {
      this.caseDepth--
      this.inPattern = false
      this.words = []
    }
  }

  private endCommand(next: 'pipe' | 'list'): void {
    this.endWord()
    this.pendingRedirect = false
    if (this.words.length > 0) {
      const argv = commandArgv(this.words)
      const command: ShellCommand = {
        words: this.words,
        argv,
        name: argv.length > 0 ? basename(argv[0] ?? '') : '',
        pipeline: this.pipeline,
        pipePos: this.pipePos,
        redirects: this.redirects
      }
      this.commands.push(command)
      this.expandNested(command)
      if (next === 'pipe') {
        this.pipePos++
        this.hasPipe = true
      }
    }
    if (next === 'list') {
      this.pipeline++
      this.pipePos = 0
    }
    this.words = []
    this.redirects = []
  }

  /** `sh -c "apt-get install …"` — read the inner script too. */
  private expandNested(command: ShellCommand): void {
    if (this.depth > 2 || !SHELLS.has(command.name)) return // name = basename(argv[0])
    const c = command.argv.indexOf('-c')
    const inner = c >= 0 ? command.argv[c + 1] : undefined
    if (inner === undefined) return
    const nested = new Reader(inner, this.depth + 1)
    nested.read()
    const offset = this.pipeline * 1000 + 1000
    for (const n of nested.commands) this.commands.push({ ...n, pipeline: n.pipeline + offset })
    if (nested.hasPipe) this.hasPipe = true
  }

  /** Consumes `$( … )` or `${ … }` starting at i (pointing at '$'); returns the index after it. */
  private skipDollar(i: number): number {
    const s = this.src
    const open = s[i + 1]
    const close = open === '(' ? ')' : '}'
    let depth = 0
    let j = i + 1
    for (; j < s.length; j++) {
      const ch = s[j]
      if (ch === '\\') {
        j++
        continue
      }
      if (ch === open) depth++
      else if (ch === close) {
        depth--
        if (depth === 0) return j + 1
      } else if (ch === "'" && open === '(') {
        const end = s.indexOf("'", j + 1)
        j = end < 0 ? s.length : end
      }
    }
    return s.length
  }

  read(): void {
    const s = this.src
    const n = s.length
    let i = 0
    while (i < n) {
      const ch = s[i] as string
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.endWord()
        i++
      } else if (ch === '\n') {
        this.endCommand('list')
        i++
      } else if (ch === '\\') {
        if (s[i + 1] === '\n') i += 2
        else if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 3
        else {
          this.word += s[i + 1] ?? ''
          this.inWord = true
          i += 2
        }
      } else if (ch === "'") {
        const end = s.indexOf("'", i + 1)
        const stop = end < 0 ? n : end
        this.word += s.slice(i + 1, stop)
        this.inWord = true
        i = stop + 1
      } else if (ch === '"') {
        let j = i + 1
        let buf = ''
        while (j < n && s[j] !== '"') {
          if (s[j] === '\\' && j + 1 < n) {
            const nx = s[j + 1] as string
            if (nx === '"' || nx === '\\' || nx === '$' || nx === '`') buf += nx
            else if (nx !== '\n') buf += '\\' + nx
            j += 2
            continue
          }
          if (s[j] === '$' && (s[j + 1] === '(' || s[j + 1] === '{')) {
            const end = this.skipDollar(j)
            buf += s.slice(j, end)
            j = end
            continue
          }
          buf += s[j]
          j++
        }
        this.word += buf
        this.inWord = true
        i = j + 1
      } else if (ch === '`') {
        const end = s.indexOf('`', i + 1)
        const stop = end < 0 ? n : end
        this.word += s.slice(i, stop + 1)
        this.inWord = true
        i = stop + 1
      } else if (ch === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
        const end = this.skipDollar(i)
        this.word += s.slice(i, end)
        this.inWord = true
        i = end
      } else if (ch === '#' && !this.inWord) {
        const end = s.indexOf('\n', i)
        i = end < 0 ? n : end
      } else if (this.inPattern && (ch === '|' || ch === '(' || ch === ')')) {
        // case pattern: `a|b)` — drop the pattern words, the commands start after ')'
        if (ch === ')') {
          this.word = ''
          this.inWord = false
          this.words = []
          this.inPattern = false
        }
        i++
      } else if (this.caseDepth > 0 && ch === ';' && s[i + 1] === ';') {
        this.endCommand('list')
        this.inPattern = true
        i += 2
      } else if (ch === '|') {
        if (s[i + 1] === '|') {
          this.endCommand('list')
          i += 2
        } else {
          this.endCommand('pipe')
          i += s[i + 1] === '&' ? 2 : 1
        }
      } else if (ch === '&') {
        if (s[i + 1] === '&') {
          this.endCommand('list')
          i += 2
        } else if (s[i + 1] === '>') {
          this.endWord()
          this.pendingRedirect = true
          i += s[i + 2] === '>' ? 3 : 2
        } else {
          this.endCommand('list')
          i++
        }
      } else if (ch === ';' || ch === '(' || ch === ')') {
        this.endCommand('list')
        i++
      } else if (ch === '>' || ch === '<') {
        // a word made only of digits right before is a file descriptor (2>&1)
        if (this.inWord && /^\d+$/.test(this.word)) {
          this.word = ''
          this.inWord = false
        } else this.endWord()
        let j = i + 1
        if (s[j] === ch) j++
        if (s[j] === '&') {
          j++
          while (j < n && /[0-9-]/.test(s[j] as string)) j++
          i = j
          continue
        }
        if (ch === '<' && s[j] === '(') {
          // process substitution <( … ): keep it as a word
          const end = this.skipDollar(j - 1)
          this.word += s.slice(i, end)
          this.inWord = true
          i = end
          continue
        }
        this.pendingRedirect = true
        i = j
      } else {
        // fast path: copy the whole run of ordinary characters at once
        let end = i
        while (end < n && isPlainChar(s.charCodeAt(end))) end++
        if (end === i) end = i + 1
        this.word += s.slice(i, end)
        this.inWord = true
        i = end
      }
    }
    this.endCommand('list')
  }
}

export function parseShell(script: string): ShellScript {
  if (script.trim() === '') return { ...EMPTY_SCRIPT, text: script }
  const reader = new Reader(script, 0)
  reader.read()
  return { commands: reader.commands, hasPipe: reader.hasPipe, text: script }
}

/** True when the command's options (before `--`) include any of the given spellings or a short cluster with `letter`. */
export function hasOption(argv: readonly string[], longs: readonly string[], letter?: string): boolean {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') return false
    if (!a.startsWith('-')) continue
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      if (longs.includes(eq >= 0 ? a.slice(0, eq) : a)) return true
      continue
    }
    if (longs.includes(a)) return true
    if (letter !== undefined && /^-[A-Za-z]+$/.test(a) && a.includes(letter)) return true
  }
  return false
}
