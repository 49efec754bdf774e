import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { AliasBudgetError, nodeText, resolveAliases, scalarText, unterminatedQuoteLine } from './yaml-nodes.js'

export { scalarsUnder, scalarText } from './yaml-nodes.js'

/**
 * A position-keeping model of one GitHub workflow or composite action file.
 * Only what the oidc-guard rules need is lifted out of the YAML; every value
 * keeps the 1-based line it was written on so findings point at the right line.
 */

export interface Located<T> {
  value: T
  line: number
}

export type PermissionLevel = 'read' | 'write' | 'none'

export interface Permissions {
  line: number
  /** `read-all` / `write-all` strings, a scope map (`{}` included), or anything else (an expression…). */
  form: 'read-all' | 'write-all' | 'map' | 'other'
  scopes: Record<string, Located<PermissionLevel>>
}

export interface Trigger {
  name: string
  line: number
}

export interface Step {
  /** 0-based position in the job's step list. */
  index: number
  line: number
  endLine: number
  id?: string
  name?: string
  uses?: Located<string>
  with: Record<string, Located<string>>
  env: Record<string, Located<string>>
  run?: Located<string>
  if?: string
  node: YAMLMap
}

export interface Job {
  id: string
  line: number
  endLine: number
  name?: string
  permissions?: Permissions
  env: Record<string, Located<string>>
  environment?: Located<string>
  if?: string
  steps: Step[]
  /** A reusable-workflow call (`jobs.<id>.uses`). */
  uses?: Located<string>
  with: Record<string, Located<string>>
  /** `secrets:` of a reusable-workflow call. */
  secrets?: { line: number; inherit: boolean; values: Record<string, Located<string>> }
  node: YAMLMap
}

export interface FileProblem {
  line: number
  message: string
}

export interface WorkflowFile {
  /** Workspace-relative path with forward slashes. */
  path: string
  kind: 'workflow' | 'action'
  text: string
  name?: string
  triggers: Trigger[]
  /** Line of the `on:` key (or 1). */
  onLine: number
  permissions?: Permissions
  env: Record<string, Located<string>>
  jobs: Job[]
  /** Structural faults; any one makes the scan an error, the rest of the file is still audited. */
  problems: FileProblem[]
  lineOf(node: Node | null | undefined): number
  endLineOf(node: Node | null | undefined): number
  /** Line of the first occurrence of `needle` inside `node`'s source text (falls back to the node's line). */
  lineOfText(node: Node | null | undefined, needle: string): number
}

/** Thrown for YAML that cannot be parsed at all; carries the line. */
export class WorkflowSyntaxError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly reason: string
  ) {
    super(`${path}:${line}: ${reason}`)
  }
}

export function isActionFile(path: string): boolean {
  return /(^|\/)action\.ya?ml$/i.test(path)
}

export function parseWorkflowFile(text: string, path: string): WorkflowFile {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false })
  const fatal = doc.errors[0]
  if (fatal) {
    const line = counter.linePos(fatal.pos[0]).line
    const opened = /quote/i.test(fatal.message) ? unterminatedQuoteLine(text, line) : undefined
    if (opened !== undefined) {
      throw new WorkflowSyntaxError(path, opened, `invalid YAML: quoted string opened here is never closed (the parser ran on to line ${line})`)
    }
    throw new WorkflowSyntaxError(path, line, `invalid YAML: ${fatal.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`)
  }
  const lineAt = (offset: number): number => counter.linePos(offset).line
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineAt(node.range[0]) : 1)
  const endLineOf = (node: Node | null | undefined): number => {
    if (!node?.range) return 1
    const end = Math.max(node.range[0], node.range[1] - 1)
    return lineAt(text[end] === '\n' && end > node.range[0] ? end - 1 : end)
  }
  const lineOfText = (node: Node | null | undefined, needle: string): number => {
    if (!node?.range) return 1
    const at = text.indexOf(needle, node.range[0])
    return at >= 0 && at < node.range[1] ? lineAt(at) : lineOf(node)
  }

  const problems: FileProblem[] = []
  if (text.includes('*')) {
    try {
      resolveAliases(doc)
    } catch (error) {
      if (error instanceof AliasBudgetError) throw new WorkflowSyntaxError(path, lineOf(error.node), error.message)
      throw error
    }
  }
  const root = doc.contents
  const file: WorkflowFile = {
    path,
    kind: 'workflow',
    text,
    triggers: [],
    onLine: 1,
    env: {},
    jobs: [],
    problems,
    lineOf,
    endLineOf,
    lineOfText
  }
  if (!isMap(root)) {
    throw new WorkflowSyntaxError(path, lineOf(root as Node | null), 'expected a mapping at the top level')
  }
  const top = pairs(root)
  // Under a `%YAML 1.1` directive an unquoted `on` key reads as boolean true.
  const yes = root.items.find(p => isScalar(p.key) && p.key.value === true)
  if (!top.has('on') && yes) top.set('on', yes)
  const runs = top.get('runs')
  const jobs = top.get('jobs')
  file.kind = isActionFile(path) || (runs && !jobs) ? 'action' : 'workflow'
  file.name = scalarText(top.get('name')?.value)

  const ctx: Ctx = { lineOf, endLineOf, problems }
  if (file.kind === 'action') {
    const runsNode = runs?.value
    if (isMap(runsNode)) {
      const r = pairs(runsNode)
      const using = r.get('using')
      if (!using) problems.push({ line: lineOf(runs?.key as Node), message: 'action `runs:` has no `using:`' })
      else if (!isStringScalar(using.value)) problems.push({ line: lineOf((using.value as Node | null) ?? (using.key as Node)), message: '`runs.using` must be a string' })
      if (scalarText(using?.value) === 'composite') {
        const stepsPair = r.get('steps')
        if (!stepsPair) problems.push({ line: lineOf(runs?.key as Node), message: 'composite action has no `runs.steps`' })
        const steps = parseSteps(stepsPair?.value, ctx, 'runs.steps')
        file.jobs.push({
          id: 'runs',
          line: lineOf(runs?.key as Node),
          endLine: endLineOf(runsNode),
          env: {},
          steps,
          with: {},
          node: runsNode
        })
      }
    } else if (!runs) {
      problems.push({ line: 1, message: 'action file has no `runs:` section' })
    } else {
      // `runs: "x"` (or a list) describes nothing GitHub can run: a broken file, never a clean one.
      problems.push({ line: lineOf(runs.key as Node), message: '`runs:` must be a mapping (using, steps, …)' })
    }
    return file
  }

  const on = top.get('on')
  if (!on) problems.push({ line: 1, message: 'workflow has no `on:` triggers' })
  else {
    file.onLine = lineOf(on.key as Node)
    file.triggers = parseTriggers(on.value as Node | null, ctx)
  }
  file.permissions = parsePermissions(top.get('permissions'), ctx)
  file.env = parseStringMap(top.get('env')?.value, ctx, 'env')
  if (!jobs) problems.push({ line: 1, message: 'workflow has no `jobs:` section' })
  else if (!isMap(jobs.value)) problems.push({ line: lineOf(jobs.key as Node), message: '`jobs:` must be a mapping of job ids' })
  else {
    for (const pair of jobs.value.items) {
      const id = scalarText(pair.key as Node)
      if (id === undefined) continue
      if (!isMap(pair.value)) {
        problems.push({ line: lineOf(pair.key as Node), message: `job "${id}" must be a mapping` })
        continue
      }
      file.jobs.push(parseJob(id, pair, ctx))
    }
  }
  return file
}

interface Ctx {
  lineOf(node: Node | null | undefined): number
  endLineOf(node: Node | null | undefined): number
  problems: FileProblem[]
}

function pairs(map: YAMLMap): Map<string, Pair> {
  const out = new Map<string, Pair>()
  for (const pair of map.items) {
    const key = scalarText(pair.key as Node)
    if (key !== undefined) out.set(key, pair)
  }
  return out
}

function parseStringMap(node: unknown, ctx: Ctx, where: string): Record<string, Located<string>> {
  const out: Record<string, Located<string>> = {}
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return out
  if (!isMap(node)) {
    // `env: ${{ fromJSON(...) }}` is legal; other scalars are not mappings we can read.
    if (!(isScalar(node) && /\$\{\{/.test(String(node.value)))) {
      ctx.problems.push({ line: ctx.lineOf(node as Node), message: `\`${where}\` must be a mapping` })
    }
    return out
  }
  for (const pair of node.items) {
    const key = scalarText(pair.key as Node)
    if (key === undefined) continue
    out[key] = { value: nodeText(pair.value), line: ctx.lineOf((pair.value as Node | null) ?? (pair.key as Node)) }
  }
  return out
}

function parseTriggers(node: Node | null, ctx: Ctx): Trigger[] {
  const notAnEvent = (at: unknown): void => {
    ctx.problems.push({ line: ctx.lineOf(at as Node | null), message: '`on:` must be an event name, a list of event names or a mapping' })
  }
  if (isScalar(node)) {
    // `on: 5`, `on: true` or an empty `on:` names no event: a broken file, not one without triggers.
    if (!isStringScalar(node) || String(node.value).trim() === '') {
      notAnEvent(node)
      return []
    }
    return [{ name: String(node.value), line: ctx.lineOf(node) }]
  }
  if (isSeq(node)) {
    const out: Trigger[] = []
    for (const item of node.items) {
      if (isStringScalar(item) && String(item.value).trim() !== '') out.push({ name: String(item.value), line: ctx.lineOf(item) })
      else notAnEvent(item ?? node)
    }
    return out
  }
  if (isMap(node)) {
    const out: Trigger[] = []
    for (const pair of node.items) {
      const name = isStringScalar(pair.key) ? String(pair.key.value) : ''
      if (name.trim() === '') notAnEvent(pair.key ?? node)
      else out.push({ name, line: ctx.lineOf(pair.key as Node) })
    }
    return out
  }
  notAnEvent(node)
  return []
}

/** A scalar holding a string (not a number, boolean or null). */
function isStringScalar(node: unknown): node is Scalar {
  return isScalar(node) && typeof node.value === 'string'
}

function parsePermissions(pair: Pair | undefined, ctx: Ctx): Permissions | undefined {
  if (!pair) return undefined
  const node = pair.value as Node | null
  const line = ctx.lineOf(pair.key as Node)
  if (isScalar(node)) {
    const v = String(node.value ?? '').trim()
    if (v === 'read-all' || v === 'write-all') return { line, form: v, scopes: {} }
    if (node.value === null || v === '') return { line, form: 'map', scopes: {} }
    if (typeof node.value !== 'string' || !/\$\{\{/.test(v)) {
      ctx.problems.push({ line, message: '`permissions:` must be read-all, write-all or a mapping of scopes' })
    }
    return { line, form: 'other', scopes: {} }
  }
  if (isMap(node)) {
    const scopes: Record<string, Located<PermissionLevel>> = {}
    for (const item of node.items) {
      const key = scalarText(item.key as Node)
      const value = scalarText(item.value)
      if (key === undefined) continue
      if (value !== 'read' && value !== 'write' && value !== 'none') {
        ctx.problems.push({ line: ctx.lineOf(item.key as Node), message: `permission "${key}" must be read, write or none` })
        continue
      }
      scopes[key] = { value, line: ctx.lineOf(item.key as Node) }
    }
    return { line, form: 'map', scopes }
  }
  ctx.problems.push({ line, message: '`permissions:` must be read-all, write-all or a mapping of scopes' })
  return { line, form: 'other', scopes: {} }
}

function parseJob(id: string, pair: Pair, ctx: Ctx): Job {
  const node = pair.value as YAMLMap
  const p = pairs(node)
  const job: Job = {
    id,
    line: ctx.lineOf(pair.key as Node),
    endLine: ctx.endLineOf(node),
    env: parseStringMap(p.get('env')?.value, ctx, `jobs.${id}.env`),
    steps: [],
    with: parseStringMap(p.get('with')?.value, ctx, `jobs.${id}.with`),
    node
  }
  const name = scalarText(p.get('name')?.value)
  if (name !== undefined) job.name = name
  const cond = p.get('if')
  if (cond) job.if = nodeText(cond.value)
  job.permissions = parsePermissions(p.get('permissions'), ctx)
  const env = p.get('environment')
  if (env) {
    if (!isScalar(env.value) && !isMap(env.value)) ctx.problems.push({ line: ctx.lineOf(env.key as Node), message: `\`jobs.${id}.environment\` must be a name or a mapping` })
    const value = isMap(env.value) ? nodeText(pairs(env.value).get('name')?.value) : nodeText(env.value)
    job.environment = { value, line: ctx.lineOf(env.key as Node) }
  }
  const uses = p.get('uses')
  if (uses) {
    if (!isStringScalar(uses.value)) ctx.problems.push({ line: ctx.lineOf(uses.key as Node), message: `\`jobs.${id}.uses\` must be a string` })
    job.uses = { value: nodeText(uses.value).trim(), line: ctx.lineOf(uses.key as Node) }
  }
  const secrets = p.get('secrets')
  if (secrets) {
    const inherit = scalarText(secrets.value) === 'inherit'
    job.secrets = {
      line: ctx.lineOf(secrets.key as Node),
      inherit,
      values: inherit ? {} : parseStringMap(secrets.value, ctx, `jobs.${id}.secrets`)
    }
  }
  job.steps = parseSteps(p.get('steps')?.value, ctx, `jobs.${id}.steps`)
  return job
}

function parseSteps(node: unknown, ctx: Ctx, where: string): Step[] {
  if (node === undefined || node === null) return []
  if (!isSeq(node)) {
    ctx.problems.push({ line: ctx.lineOf(node as Node), message: `\`${where}\` must be a list of steps` })
    return []
  }
  const steps: Step[] = []
  node.items.forEach((item, index) => {
    if (!isMap(item)) {
      ctx.problems.push({ line: ctx.lineOf(item as Node), message: `${where}[${index}] must be a mapping` })
      return
    }
    const p = pairs(item)
    const step: Step = {
      index,
      line: ctx.lineOf(item),
      endLine: ctx.endLineOf(item),
      with: parseStringMap(p.get('with')?.value, ctx, `${where}[${index}].with`),
      env: parseStringMap(p.get('env')?.value, ctx, `${where}[${index}].env`),
      node: item
    }
    const id = scalarText(p.get('id')?.value)
    if (id !== undefined) step.id = id
    const name = scalarText(p.get('name')?.value)
    if (name !== undefined) step.name = name
    const uses = p.get('uses')
    if (uses) {
      if (!isStringScalar(uses.value)) ctx.problems.push({ line: ctx.lineOf(uses.key as Node), message: `${where}[${index}].uses must be a string` })
      step.uses = { value: nodeText(uses.value).trim(), line: ctx.lineOf(uses.key as Node) }
    }
    const run = p.get('run')
    if (run) {
      if (!isScalar(run.value)) ctx.problems.push({ line: ctx.lineOf(run.key as Node), message: `${where}[${index}].run must be a string` })
      step.run = { value: nodeText(run.value), line: ctx.lineOf(run.key as Node) }
    }
    const cond = p.get('if')
    if (cond) step.if = nodeText(cond.value)
    steps.push(step)
  })
  return steps
}

/** A stable, line-free identity for a step: its id, else name, else uses without its ref (survives version bumps), else its position. */
export function stepKey(step: Step): string {
  return step.id ?? step.name ?? step.uses?.value.replace(/@[^@]*$/, '') ?? `#${step.index}`
}

/** How a step is shown to people: `name`, or `uses`, or `step N`. */
export function stepLabel(step: Step): string {
  return step.name ?? step.uses?.value ?? (step.run ? `run: ${step.run.value.trim().split('\n')[0]!.slice(0, 40)}` : `step ${step.index + 1}`)
}
