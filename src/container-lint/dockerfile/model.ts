/**
 * The one model every Dockerfile rule reads. dockerfile-ast finds the
 * instructions (directives, continuations, heredoc extents); this module turns
 * them into what BuildKit would see: logical argument text without comment
 * lines or heredoc bodies, flags, exec-form arrays, stages with their FROM
 * ancestry, ARG/ENV scopes for variable resolution, and inline ignores.
 * Built once per file; rules are cheap passes over it.
 */
import { parseDockerfileAst } from './ast.js'
import { parseImageRef, type ImageParts } from './image.js'
import { EMPTY_SCRIPT, isShellName, parseShell, type ShellScript } from './shell.js'

export interface Flag {
  /** Lower-case name without the leading dashes. */
  name: string
  value: string | null
}

export interface Heredoc {
  name: string
  /** Body text (lines joined with \n), without the terminator. */
  body: string
  /** 1-based line of the first body line. */
  line: number
}

/** A variable scope: name → value; `undefined` = declared but value unknown (build arg). */
export type Scope = ReadonlyMap<string, string | undefined>

export interface Instruction {
  /** Upper-case keyword; for an ONBUILD trigger, the trigger's keyword. */
  keyword: string
  /** 1-based first line (for triggers: the ONBUILD line). */
  line: number
  endLine: number
  /** Arguments as BuildKit sees them: continuations joined, inner comment lines and heredoc bodies removed. */
  args: string
  /** `args` without the leading `--flag[=value]` words. */
  body: string
  flags: Flag[]
  /** Exec form, when `body` is a valid JSON array of strings. */
  json?: string[]
  heredocs: Heredoc[]
  /** Identity text (keyword + args, whitespace collapsed) used for fingerprints. */
  readonly text: string
  /** Words of `body`'s command line (heredoc bodies excluded), quotes and escapes removed. */
  readonly words: string[]
  /** The file's escape character. */
  readonly escape: string
  /** The stage it belongs to; undefined before the first FROM. */
  stage?: Stage
  /** Variables in scope when the instruction runs. */
  scope: Scope
  /** For ONBUILD: the wrapped trigger instruction. */
  trigger?: Instruction
  /** For a trigger: the ONBUILD instruction that wraps it. */
  onbuild?: Instruction
  /** The SHELL in effect (default /bin/sh -c). */
  shell: readonly string[]
  /** Derived views, filled on first use (plain fields: WeakMaps cost too much GC per file). */
  scriptCache?: ShellScript
  mountCache?: Array<Map<string, string>>
}

export interface BaseImage {
  /** The FROM argument as written. */
  raw: string
  /** After ARG substitution; undefined when a variable has no known value. */
  resolved?: string
  /** Parsed reference (undefined for stage references and unresolved images). */
  parts?: ImageParts
  scratch: boolean
  /** Set when FROM names an earlier stage (directly or through ARGs). */
  stage?: Stage
}

export interface Stage {
  index: number
  /** Alias from `AS name`, lower-case. */
  name?: string
  from: Instruction
  base: BaseImage
  /** Instructions after FROM, in order (ONBUILD wrappers included, triggers not). */
  instructions: Instruction[]
  /** True when the stage is the final image or one of its FROM ancestors. */
  runtime: boolean
  /** ENV values at the end of the stage (what child stages inherit). */
  envAtEnd: Map<string, string | undefined>
  shellAtEnd: readonly string[]
}

export interface Problem {
  line: number
  message: string
}

export interface Ignore {
  ids: Set<string>
  reason: string
}

export interface DockerfileModel {
  /** Source lines (CR and BOM removed). */
  lines: string[]
  escape: string
  /** Top-level instructions in file order (including ARGs before the first FROM). */
  instructions: Instruction[]
  /** Every ONBUILD trigger. */
  triggers: Instruction[]
  stages: Stage[]
  /** ARGs declared before the first FROM. */
  globalArgs: Scope
  /** The last stage (the image built without --target). */
  final?: Stage
  /** The final stage followed by its FROM ancestors. */
  runtime: Stage[]
  /** Things that make the file not build: become CL-DF-000 findings. */
  problems: Problem[]
  /** Inline ignores keyed by the first line of the instruction they precede. */
  inlineIgnores: Map<number, Ignore[]>
  globalIgnores: Ignore[]
  /** Instruction starting at a line (triggers share their ONBUILD line). */
  instructionAt: Map<number, Instruction>
  /** Derived views, filled on first use. */
  runViews?: RunViews
  runtimeByKeyword?: Map<string, Instruction[]>
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD',
  'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'
])
const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c']
const FLAG_WORD = /^--([A-Za-z][A-Za-z0-9-]*)(?:=(\S*))?(?:\s+|$)/
const HEREDOC_MARK = /(?:^|[\s])\d*<<(-?)(?:"([^"\s]+)"|'([^'\s]+)'|\\?([A-Za-z0-9_.\-]+))/g
/** `container-lint [global] ignore=ID,ID [-- reason]`; also hadolint's pragma, whose DL ids map through rule anchors. */
const IGNORE_PRAGMA = /^(container-lint|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:--\s*)?(.*)$/i
const VARIABLE = /\\?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g

/** Splits words like the Dockerfile parser: whitespace-separated, quotes group and are removed. */
export function splitWords(text: string, escape = '\\'): string[] {
  if (!text.includes('"') && !text.includes("'") && !text.includes(escape)) return splitPlain(text)
  const words: string[] = []
  let word = ''
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else if (ch === '"' || ch === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== ch) {
        if (ch === '"' && text[j] === escape && j + 1 < text.length) j++
        word += text[j]
        j++
      }
      inWord = true
      i = j
    } else if (ch === escape && i + 1 < text.length) {
      word += text[i + 1]
      inWord = true
      i++
    } else {
      word += ch
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return words
}

/** splitWords for text without quotes or escapes: split on blanks (space, tab, CR, LF) only. */
function splitPlain(text: string): string[] {
  const words: string[] = []
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      if (start >= 0) words.push(text.slice(start, i))
      start = -1
    } else if (start < 0) start = i
  }
  if (start >= 0) words.push(text.slice(start))
  return words
}

/**
 * Substitutes $V, ${V}, ${V:-d}, ${V-d}, ${V:+a}, ${V+a} from the scope.
 * Returns undefined when a needed variable has no known value (don't guess).
 */
export function resolveVars(text: string, scope: Scope): string | undefined {
  if (!text.includes('$')) return text
  let unresolved = false
  const out = text.replace(VARIABLE, (match: string, braced?: string, op?: string, word?: string, bare?: string) => {
    if (match.startsWith('\\')) return match.slice(1)
    const name = (braced ?? bare) as string
    const known = scope.has(name)
    const value = scope.get(name)
    if (op === ':-' || op === '-') {
      const useDefault = op === ':-' ? !known || value === '' : !known
      if (useDefault) {
        const d = resolveVars(word ?? '', scope)
        if (d === undefined) unresolved = true
        return d ?? ''
      }
      if (value === undefined) {
        unresolved = true
        return ''
      }
      return value
    }
    if (op === ':+' || op === '+') {
      if (known && value === undefined) {
        unresolved = true
        return ''
      }
      const set = op === ':+' ? known && value !== '' : known
      if (!set) return ''
      const a = resolveVars(word ?? '', scope)
      if (a === undefined) unresolved = true
      return a ?? ''
    }
    if (value === undefined) {
      unresolved = true
      return ''
    }
    return value
  })
  return unresolved ? undefined : out
}

/** A regular expression matching what the text could expand to, variables as wildcards. */
function variablePattern(text: string): RegExp | undefined {
  const literal = text.replace(VARIABLE, '')
  if (literal.trim() === '') return undefined
  let source = ''
  let last = 0
  VARIABLE.lastIndex = 0
  for (let m = VARIABLE.exec(text); m !== null; m = VARIABLE.exec(text)) {
    source += escapeRegExp(text.slice(last, m.index)) + '.*'
    last = m.index + m[0].length
  }
  source += escapeRegExp(text.slice(last))
  return new RegExp(`^${source}$`, 'i')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const NO_FLAGS: Flag[] = []

function parseFlags(args: string): { flags: Flag[]; body: string } {
  if (!args.startsWith('--')) return { flags: NO_FLAGS, body: args }
  const flags: Flag[] = []
  let rest = args
  for (let m = FLAG_WORD.exec(rest); m !== null; m = FLAG_WORD.exec(rest)) {
    flags.push({ name: (m[1] as string).toLowerCase(), value: m[2] ?? null })
    rest = rest.slice(m[0].length)
  }
  return { flags, body: rest }
}

function parseJsonArray(body: string): string[] | undefined {
  const t = body.trim()
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined
  try {
    const value: unknown = JSON.parse(t)
    if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value
  } catch {
    // not JSON: shell form, exactly like BuildKit
  }
  return undefined
}

export function flagValue(instruction: Instruction, name: string): string | null | undefined {
  for (const f of instruction.flags) if (f.name === name) return f.value
  return undefined
}

export function flagValues(instruction: Instruction, name: string): string[] {
  const out: string[] = []
  for (const f of instruction.flags) if (f.name === name && f.value !== null) out.push(f.value)
  return out
}

const NO_MOUNTS: Array<Map<string, string>> = []

/** Parses `--mount=type=cache,target=/x` values into key/value maps. */
export function mounts(instruction: Instruction): Array<Map<string, string>> {
  if (instruction.flags.length === 0) return NO_MOUNTS
  const cached = instruction.mountCache
  if (cached !== undefined) return cached
  const parsed = flagValues(instruction, 'mount').map((v) => {
    const m = new Map<string, string>()
    for (const part of v.split(',')) {
      const eq = part.indexOf('=')
      if (eq < 0) m.set(part.trim().toLowerCase(), 'true')
      else m.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim().replace(/^["']|["']$/g, ''))
    }
    return m
  })
  instruction.mountCache = parsed
  return parsed
}

/** True when a cache or tmpfs mount covers the given path (or a parent of it). */
export function hasCacheMount(instruction: Instruction, ...paths: string[]): boolean {
  for (const m of mounts(instruction)) {
    const type = m.get('type')
    if (type !== 'cache' && type !== 'tmpfs') continue
    const target = (m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '').replace(/\/+$/, '')
    if (target === '') continue
    for (const p of paths) if (p === target || p.startsWith(target + '/') || target.startsWith(p + '/')) return true
  }
  return false
}

/** Reads the key/value pairs of ENV, ARG and LABEL (both `k=v` and legacy `k v` forms). */
export function properties(instruction: Instruction): Array<{ name: string; value: string | undefined }> {
  const words = instruction.words
  const out: Array<{ name: string; value: string | undefined }> = []
  if (words.length === 0) return out
  const first = words[0] as string
  if (instruction.keyword !== 'ARG' && !first.includes('=')) {
    // legacy `ENV key value with spaces`
    const rest = /^\s*\S+\s+([\s\S]*)$/.exec(instruction.body)?.[1] ?? ''
    out.push({ name: first, value: splitWords(rest, instruction.escape).join(' ') })
    return out
  }
  for (const w of words) {
    const eq = w.indexOf('=')
    if (eq < 0) out.push({ name: w, value: undefined })
    else out.push({ name: w.slice(0, eq), value: w.slice(eq + 1) })
  }
  return out
}

interface RawInstruction {
  keyword: string
  start: number
  end: number
}

const NO_HEREDOCS: Heredoc[] = []

/** Drops a trailing continuation character (and blanks after it, as BuildKit does). */
function withoutContinuation(raw: string, escape: string): { line: string; continues: boolean } {
  const last = raw.charCodeAt(raw.length - 1)
  const trimmed = last === 32 || last === 9 ? raw.replace(/[ \t]+$/, '') : raw
  return trimmed.endsWith(escape) ? { line: trimmed.slice(0, -1), continues: true } : { line: raw, continues: false }
}

function logicalText(lines: string[], start: number, end: number, escape: string, commentLines: Set<number>): { text: string; heredocs: Heredoc[]; unterminated?: string } {
  const firstLine = lines[start] ?? ''
  // fast path: most instructions are one line without heredocs
  if (start === end && !firstLine.includes('<<')) return { text: withoutContinuation(firstLine, escape).line, heredocs: NO_HEREDOCS }
  let text = ''
  const heredocs: Heredoc[] = []
  let pending: Array<{ name: string; strip: boolean }> = []
  let i = start
  while (i <= end) {
    const raw = lines[i] ?? ''
    if (i > start && commentLines.has(i)) {
      i++
      continue
    }
    const { line, continues } = withoutContinuation(raw, escape)
    if (line.includes('<<')) {
      HEREDOC_MARK.lastIndex = 0
      for (let m = HEREDOC_MARK.exec(line); m !== null; m = HEREDOC_MARK.exec(line)) {
        pending.push({ name: (m[2] ?? m[3] ?? m[4]) as string, strip: m[1] === '-' })
      }
    }
    text += line
    i++
    if (!continues && pending.length > 0) {
      for (const doc of pending) {
        const bodyLines: string[] = []
        const first = i
        let closed = false
        while (i <= end) {
          const l = lines[i] ?? ''
          i++
          if ((doc.strip ? l.replace(/^\t+/, '') : l) === doc.name) {
            closed = true
            break
          }
          bodyLines.push(l)
        }
        heredocs.push({ name: doc.name, body: bodyLines.join('\n'), line: first + 1 })
        if (!closed) return { text, heredocs, unterminated: doc.name }
      }
      pending = []
      if (i <= end) text += '\n'
    }
  }
  return { text, heredocs: heredocs.length > 0 ? heredocs : NO_HEREDOCS }
}

/** `text.replace(/^\s*\S+/, '')` (the keyword off the logical line), by hand for ASCII text. */
export function dropFirstWord(text: string): string {
  let i = 0
  const n = text.length
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c > 127) return text.replace(/^\s*\S+/, '')
    if (!(c === 32 || (c >= 9 && c <= 13))) break
  }
  if (i === n) return text // blank: the regex needs at least one non-blank character
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c > 127) return text.replace(/^\s*\S+/, '')
    if (c === 32 || (c >= 9 && c <= 13)) break
  }
  return text.slice(i)
}

/** `text.replace(/\s+/g, ' ').trim()`, by hand for ASCII text (one per finding: the regex showed in profiles). */
export function collapse(text: string): string {
  let out = ''
  let first = true
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c > 127) return text.replace(/\s+/g, ' ').trim() // Unicode spaces: let the regex decide
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++
      continue
    }
    const start = i
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d > 127) return text.replace(/\s+/g, ' ').trim()
      if (d === 32 || (d >= 9 && d <= 13)) break
      i++
    }
    if (first) {
      out = start === 0 && i === n ? text : text.slice(start, i)
      first = false
    } else out += ' ' + text.slice(start, i)
  }
  return out
}

/** Parses a `# container-lint [global] ignore=ID[,ID] [-- reason]` comment. */
export function parseIgnore(comment: string): { global: boolean; ignore: Ignore } | undefined {
  const m = IGNORE_PRAGMA.exec(comment.trim())
  if (m === null) return undefined
  const ids = new Set(
    (m[3] as string)
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== '')
  )
  const reason = (m[4] ?? '').replace(/^#\s*/, '').trim()
  return { global: m[2] !== undefined, ignore: { ids, reason: reason || ((m[1] as string).toLowerCase() === 'hadolint' ? 'hadolint ignore pragma' : '') } }
}

/** Instruction with its fingerprint text computed only when a finding needs it. */
class ParsedInstruction implements Instruction {
  json?: string[]
  stage?: Stage
  trigger?: Instruction
  onbuild?: Instruction
  scriptCache?: ShellScript
  mountCache?: Array<Map<string, string>>
  private collapsed: string | undefined
  private split: string[] | undefined

  constructor(
    readonly keyword: string,
    readonly line: number,
    readonly endLine: number,
    readonly args: string,
    readonly body: string,
    readonly flags: Flag[],
    readonly heredocs: Heredoc[],
    public scope: Scope,
    readonly shell: readonly string[],
    readonly escape: string
  ) {}

  get words(): string[] {
    if (this.split === undefined) {
      const nl = this.body.indexOf('\n')
      this.split = splitWords(nl < 0 ? this.body : this.body.slice(0, nl), this.escape)
    }
    return this.split
  }

  get text(): string {
    this.collapsed ??= collapse(`${this.keyword} ${this.args}`)
    return this.collapsed
  }
}

const JSON_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'COPY', 'ADD', 'HEALTHCHECK'])

function newInstruction(keyword: string, start: number, end: number, args: string, heredocs: Heredoc[], scope: Scope, shell: readonly string[], escape: string): Instruction {
  const { flags, body } = parseFlags(args.trimStart())
  const instruction = new ParsedInstruction(keyword, start + 1, end + 1, args, body, flags, heredocs, scope, shell, escape)
  if (JSON_KEYWORDS.has(keyword)) {
    const json = parseJsonArray(keyword === 'HEALTHCHECK' ? body.replace(/^\s*CMD\s+/i, '') : body)
    if (json !== undefined) instruction.json = json
  }
  return instruction
}

/** Builds the model. Never throws on odd input: oddities become `problems`. */
export function buildModel(source: string): DockerfileModel {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1)
  }
  const problems: Problem[] = []
  const model: DockerfileModel = {
    lines,
    escape: '\\',
    instructions: [],
    triggers: [],
    stages: [],
    globalArgs: new Map(),
    runtime: [],
    problems,
    inlineIgnores: new Map(),
    globalIgnores: [],
    instructionAt: new Map()
  }
  if (text.includes('\u0000')) {
    problems.push({ line: 1, message: 'the file contains NUL bytes; it is binary, not a Dockerfile' })
    return model
  }
  const df = parseDockerfileAst(text)
  const escape = df.getEscapeCharacter()
  model.escape = escape

  const commentLines = new Set<number>()
  const commentText = new Map<number, string>()
  for (const c of df.getComments()) {
    const line = c.getRange().start.line
    commentLines.add(line)
    commentText.set(line, c.getContent())
  }
  // dockerfile-ast reads `# container-lint ignore=…` on the first lines as a parser directive
  for (const d of df.getDirectives()) {
    const line = d.getRange().start.line
    commentLines.add(line)
    commentText.set(line, (lines[line] ?? '').replace(/^\s*#\s*/, ''))
  }

  const raws: RawInstruction[] = []
  for (const ins of df.getInstructions()) {
    const r = ins.getRange()
    raws.push({ keyword: ins.getKeyword(), start: r.start.line, end: r.end.line })
  }

  // Global ignores live anywhere; inline ignores on the comment lines directly above an instruction.
  for (const content of commentText.values()) {
    const parsed = parseIgnore(content)
    if (parsed?.global === true) model.globalIgnores.push(parsed.ignore)
  }
  for (const raw of raws) {
    const found: Ignore[] = []
    for (let l = raw.start - 1; l >= 0 && commentLines.has(l); l--) {
      const parsed = parseIgnore(commentText.get(l) ?? '')
      if (parsed !== undefined && !parsed.global) found.push(parsed.ignore)
    }
    if (found.length > 0) model.inlineIgnores.set(raw.start + 1, found)
  }

  let globals = new Map<string, string | undefined>()
  let stage: Stage | undefined
  let scope = new Map<string, string | undefined>()
  let envNames = new Set<string>()
  let shell: readonly string[] = DEFAULT_SHELL
  const stageByName = new Map<string, Stage>()

  const finishStage = (): void => {
    if (stage === undefined) return
    const env = new Map<string, string | undefined>()
    for (const n of envNames) env.set(n, scope.get(n))
    stage.envAtEnd = env
    stage.shellAtEnd = shell
  }

  for (const raw of raws) {
    const keyword = raw.keyword // getKeyword() is upper-case already
    const logical = logicalText(lines, raw.start, raw.end, escape, commentLines)
    if (logical.unterminated !== undefined) problems.push({ line: raw.start + 1, message: `heredoc <<${logical.unterminated} is never terminated` })
    const args = dropFirstWord(logical.text)
    if (!KEYWORDS.has(keyword)) {
      problems.push({ line: raw.start + 1, message: `unknown instruction "${raw.keyword}" (a broken line continuation or heredoc?)` })
      continue
    }
    const instruction = newInstruction(keyword, raw.start, raw.end, args, logical.heredocs, stage === undefined ? globals : scope, shell, escape)
    const missing = missingArguments(instruction)
    if (missing !== undefined) problems.push({ line: instruction.line, message: missing })
    model.instructions.push(instruction)
    model.instructionAt.set(instruction.line, instruction)

    if (keyword === 'FROM') {
      finishStage()
      const words = instruction.words
      if (!(words.length === 1 || (words.length === 3 && (words[1] as string).toLowerCase() === 'as'))) {
        problems.push({ line: instruction.line, message: 'FROM expects "image [AS name]"' })
      }
      const rawImage = words[0] ?? ''
      const base = resolveBase(rawImage, globals, stageByName)
      const name = words.length === 3 ? (words[2] as string).toLowerCase() : undefined
      const next: Stage = {
        index: model.stages.length,
        from: instruction,
        base,
        instructions: [],
        runtime: false,
        envAtEnd: new Map(),
        shellAtEnd: DEFAULT_SHELL
      }
      if (name !== undefined) {
        next.name = name
        if (!stageByName.has(name)) stageByName.set(name, next)
      }
      instruction.stage = next
      model.stages.push(next)
      stage = next
      // a child stage inherits the parent's ENV and SHELL, never its ARGs
      scope = new Map(base.stage?.envAtEnd ?? [])
      envNames = new Set(scope.keys())
      shell = base.stage?.shellAtEnd ?? DEFAULT_SHELL
      instruction.scope = scope
      continue
    }

    if (stage === undefined) {
      if (keyword === 'ARG') {
        globals = new Map(globals)
        for (const p of properties(instruction)) globals.set(p.name, p.value === undefined ? undefined : resolveVars(p.value, globals))
      }
      continue
    }

    instruction.stage = stage
    stage.instructions.push(instruction)
    if (keyword === 'ARG') {
      scope = new Map(scope)
      for (const p of properties(instruction)) {
        if (envNames.has(p.name)) continue // ENV wins over ARG
        scope.set(p.name, p.value === undefined ? globals.get(p.name) : resolveVars(p.value, scope))
      }
    } else if (keyword === 'ENV') {
      scope = new Map(scope)
      for (const p of properties(instruction)) {
        scope.set(p.name, p.value === undefined ? undefined : resolveVars(p.value, scope))
        envNames.add(p.name)
      }
    } else if (keyword === 'SHELL') {
      if (instruction.json !== undefined && instruction.json.length > 0) shell = instruction.json
    } else if (keyword === 'ONBUILD') {
      const trigger = triggerOf(instruction, scope, shell)
      if (trigger === undefined) problems.push({ line: instruction.line, message: 'ONBUILD without a trigger instruction' })
      else {
        trigger.stage = stage
        instruction.trigger = trigger
        model.triggers.push(trigger)
      }
    }
  }
  finishStage()

  model.globalArgs = globals
  if (model.instructions.length === 0) problems.push({ line: 1, message: 'no instructions found: the file is empty or not a Dockerfile' })
  else if (model.stages.length === 0) problems.push({ line: 1, message: 'no FROM instruction: the file is not a buildable Dockerfile' })

  const final = model.stages[model.stages.length - 1]
  if (final !== undefined) {
    model.final = final
    const seen = new Set<Stage>()
    for (let s: Stage | undefined = final; s !== undefined && !seen.has(s); s = s.base.stage) {
      seen.add(s)
      s.runtime = true
      model.runtime.push(s)
    }
  }
  return model
}

/** Minimum argument counts BuildKit enforces (FROM and ONBUILD are checked where they are read). */
const MIN_ARGS = new Map<string, number>(Object.entries({
  ADD: 2, COPY: 2, RUN: 1, CMD: 1, ENTRYPOINT: 1, ENV: 1, ARG: 1, LABEL: 1, USER: 1, WORKDIR: 1, EXPOSE: 1, VOLUME: 1,
  MAINTAINER: 1, STOPSIGNAL: 1, SHELL: 1, HEALTHCHECK: 1
}))

function missingArguments(instruction: Instruction): string | undefined {
  const min = MIN_ARGS.get(instruction.keyword)
  if (min === undefined || instruction.json !== undefined) return undefined
  // one argument: any non-blank body will do (saves splitting every instruction)
  const count = min === 1 && instruction.body.trim() !== '' ? 1 : instruction.words.length
  if (count >= min) return undefined
  return `${instruction.keyword} needs at least ${min} argument${min > 1 ? 's' : ''}`
}

function resolveBase(rawImage: string, globals: Scope, stageByName: Map<string, Stage>): BaseImage {
  const resolved = resolveVars(rawImage, globals)
  const base: BaseImage = { raw: rawImage, scratch: false }
  if (resolved !== undefined) {
    base.resolved = resolved
    const stage = stageByName.get(resolved.toLowerCase())
    if (stage !== undefined) base.stage = stage
    else if (resolved.toLowerCase() === 'scratch') base.scratch = true
    else base.parts = parseImageRef(resolved)
    return base
  }
  // `FROM base-$TARGETARCH`: if it can only be one of our stages, treat it as that stage
  const pattern = variablePattern(rawImage)
  if (pattern !== undefined) {
    let match: Stage | undefined
    for (const [name, s] of stageByName) if (pattern.test(name)) match = s
    if (match !== undefined) base.stage = match
  }
  return base
}

function triggerOf(onbuild: Instruction, scope: Scope, shell: readonly string[]): Instruction | undefined {
  const m = /^\s*(\S+)([\s\S]*)$/.exec(onbuild.args)
  if (m === null) return undefined
  const keyword = (m[1] as string).toUpperCase()
  const trigger = newInstruction(keyword, onbuild.line - 1, onbuild.endLine - 1, m[2] as string, onbuild.heredocs, scope, shell, onbuild.escape)
  trigger.onbuild = onbuild
  return trigger
}

// ---------------------------------------------------------------------------------------------
// Derived views shared by rules (computed lazily, cached per instruction).


function isPosixShell(shell: readonly string[]): boolean {
  return isShellName(shell[0])
}

/**
 * The shell script a RUN executes, for analysis: shell form (plus heredoc bodies that a
 * shell reads), or exec form `["sh","-c","…"]`. Non-POSIX SHELLs (PowerShell) yield nothing.
 */
export function runScript(instruction: Instruction): ShellScript {
  const cached = instruction.scriptCache
  if (cached !== undefined) return cached
  let script = EMPTY_SCRIPT
  if (instruction.json !== undefined) {
    const j = instruction.json
    if (isShellName(j[0]) && j.includes('-c')) script = parseShell(j[j.indexOf('-c') + 1] ?? '')
    else if (j.length > 0) script = parseShell(j.map(quoteWord).join(' '))
  } else if (isPosixShell(instruction.shell)) {
    let command = instruction.body
    let text = command
    if (instruction.heredocs.length > 0) {
      command = command.replace(/\d*<<-?(?:"[^"]*"|'[^']*'|\\?[A-Za-z0-9_.\-]+)/g, ' ')
      const words = command.trim().split(/\s+/).filter((w) => w !== '')
      // `RUN <<EOF` or `RUN <<EOF bash -e`: the body is the script
      const shellReadsBody = words.length === 0 || (isShellName(words[0]) && !words.includes('-c'))
      text = command
      if (shellReadsBody) {
        for (const doc of instruction.heredocs) {
          const firstLine = doc.body.split('\n', 1)[0] ?? ''
          if (firstLine.startsWith('#!') && !/\b(sh|bash|ash|dash|zsh)\b/.test(firstLine)) continue
          text += '\n' + doc.body
        }
      }
    }
    script = parseShell(text)
  }
  instruction.scriptCache = script
  return script
}

function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export interface RunViews {
  all: Instruction[]
  allWithTriggers: Instruction[]
  runtime: Instruction[]
  runtimeWithTriggers: Instruction[]
}


/** RUN instructions to examine: all stages or only runtime stages, optionally ONBUILD RUN triggers too. Do not mutate. */
export function runInstructions(model: DockerfileModel, opts: { runtimeOnly?: boolean; triggers?: boolean } = {}): readonly Instruction[] {
  let views = model.runViews
  if (views === undefined) {
    const all: Instruction[] = []
    const runtime: Instruction[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN') continue
        all.push(ins)
        if (stage.runtime) runtime.push(ins)
      }
    }
    const triggers = model.triggers.filter((t) => t.keyword === 'RUN')
    views = {
      all,
      runtime,
      allWithTriggers: triggers.length > 0 ? all.concat(triggers) : all,
      runtimeWithTriggers: triggers.length > 0 ? runtime.concat(triggers) : runtime
    }
    model.runViews = views
  }
  if (opts.runtimeOnly === true) return opts.triggers === true ? views.runtimeWithTriggers : views.runtime
  return opts.triggers === true ? views.allWithTriggers : views.all
}

/** Instructions with the keyword along the runtime ancestry, oldest stage first. Do not mutate. */
export function runtimeInstructions(model: DockerfileModel, keyword: string): readonly Instruction[] {
  let byKeyword = model.runtimeByKeyword
  if (byKeyword === undefined) {
    byKeyword = new Map()
    for (let i = model.runtime.length - 1; i >= 0; i--) {
      for (const ins of (model.runtime[i] as Stage).instructions) {
        const list = byKeyword.get(ins.keyword)
        if (list === undefined) byKeyword.set(ins.keyword, [ins])
        else list.push(ins)
      }
    }
    model.runtimeByKeyword = byKeyword
  }
  return byKeyword.get(keyword) ?? []
}

/** The last instruction of a keyword along the runtime ancestry (what the final image keeps). */
export function effective(model: DockerfileModel, keyword: string): Instruction | undefined {
  const all = runtimeInstructions(model, keyword)
  return all[all.length - 1]
}

/** The user named by a USER instruction (before `:group`), resolved; undefined when unknown. */
export function userOf(instruction: Instruction): string | undefined {
  const word = instruction.words[0]
  if (word === undefined) return undefined
  const resolved = resolveVars(word, instruction.scope)
  if (resolved === undefined || resolved === '') return undefined
  const colon = resolved.indexOf(':')
  return colon >= 0 ? resolved.slice(0, colon) : resolved
}

/** Stage that `--from=<ref>` names, or 'image' for external image refs, or undefined when unknown. */
export function stageRef(model: DockerfileModel, ref: string): Stage | 'image' | undefined {
  if (/^\d+$/.test(ref)) return model.stages[Number(ref)]
  const lower = ref.toLowerCase()
  for (const s of model.stages) if (s.name === lower) return s
  if (/[/:@.]/.test(ref)) return 'image'
  return undefined
}
