import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { RunContext } from '../../core/context.js'
import { errorMessage, isUserError } from '../../core/errors.js'
import type { Finding } from '../../core/finding.js'
import { collectFiles, readTextInput } from '../../core/files.js'
import type { InputError, ScanResult } from '../../core/result.js'
import type { Severity } from '../../core/severity.js'
import { applyConfigIgnores, applyInlineIgnores, type ConfigIgnore } from './ignores.js'
import { renderInventory, type InventoryRow } from './inventory.js'
import { isActionFile, parseWorkflowFile, WorkflowSyntaxError } from './model.js'
import { analyse, DEFAULT_AUDIT_OPTIONS, type AuditOptions, type WorkflowRule } from './rule.js'
import { WORKFLOW_RULES } from './rules/index.js'

export const AUDIT_COMMAND = 'oidc-guard audit'

export interface WorkflowAuditOptions extends AuditOptions {
  /** Files, directories or globs; directories are searched for .github/workflows/*.yml and action.yml. */
  paths: string[]
  /** Rules to run (default: every rule enabled by default). */
  rules?: readonly WorkflowRule[]
  /** Per-rule severity overrides from the config file. */
  severity?: Record<string, Severity>
  ignores?: ConfigIgnore[]
}

export interface TextAudit {
  findings: Finding[]
  inventory: InventoryRow[]
  /** Structural faults (file still audited) — each one is an input error. */
  problems: InputError[]
  notices: string[]
}

export function defaultRules(): WorkflowRule[] {
  return WORKFLOW_RULES.filter(r => r.enabledByDefault !== false)
}

/**
 * Audits one file's text. Throws WorkflowSyntaxError for YAML that does not
 * parse; structural faults come back in `problems`.
 */
export function auditWorkflowText(
  text: string,
  path: string,
  options: Partial<Omit<WorkflowAuditOptions, 'paths'>> = {}
): TextAudit {
  const opts: AuditOptions = { ...DEFAULT_AUDIT_OPTIONS, ...stripUndefined(options) }
  const file = parseWorkflowFile(text, path)
  const analysis = analyse(file, opts)
  const ctx = { file, analysis, options: opts }
  const rules = options.rules ?? defaultRules()
  let findings = rules.flatMap(rule => rule.check(ctx))
  if (options.severity) {
    findings = findings.map(f => (options.severity![f.ruleId] ? { ...f, severity: options.severity![f.ruleId]! } : f))
  }
  const inline = applyInlineIgnores(findings, text, path, finding => {
    // A step finding can be ignored anywhere in its step (or on comments right above it).
    const job = file.jobs.find(j => j.id === finding.properties?.job)
    const step = typeof finding.properties?.step === 'number' ? job?.steps[finding.properties.step] : undefined
    const start = Math.min(finding.line, step?.line ?? finding.line)
    return [start, Math.max(finding.line, finding.endLine ?? finding.line, step?.endLine ?? finding.line)]
  })
  return {
    findings: inline.findings,
    inventory: analysis.auth.map(a => ({ ...a, path })),
    problems: file.problems.map(p => ({ path, message: `line ${p.line}: ${p.message}` })),
    notices: inline.notices
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i
const YAML_PATH = /\.ya?ml$/i

/**
 * Finds the files to audit. Directories are searched for workflows and
 * action files; a directory without `.github/workflows` (a folder of
 * fixtures, say) also contributes its own top-level *.yml files that look
 * like workflows (`on:` and `jobs:` at the top), so a docker-compose.yml
 * next to them is never mistaken for one.
 */
export async function discoverWorkflowFiles(paths: string[], workspace: string): Promise<{ files: string[]; errors: InputError[] }> {
  const files = new Set<string>()
  const errors: InputError[] = []
  for (const root of paths.length ? paths : ['.']) {
    const info = await stat(resolve(workspace, root)).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await collectFiles([root], workspace, p => WORKFLOW_PATH.test(p) || isActionFile(p))
      errors.push(...found.errors)
      found.files.forEach(f => files.add(f))
      if (!found.files.some(f => WORKFLOW_PATH.test(f))) {
        const prefix = normalizedRoot(root)
        const top = await collectFiles([root], workspace, p => YAML_PATH.test(p) && !isActionFile(p) && !p.slice(prefix.length).includes('/'))
        for (const f of top.files) if (await looksLikeWorkflow(resolve(workspace, f))) files.add(f)
      }
      continue
    }
    const found = await collectFiles([root], workspace, p => YAML_PATH.test(p))
    errors.push(...found.errors)
    found.files.forEach(f => files.add(f))
  }
  return { files: [...files].sort(), errors }
}

async function looksLikeWorkflow(abs: string): Promise<boolean> {
  const text = await readFile(abs, 'utf8').catch(() => '')
  return /^jobs\s*:/m.test(text) && /^(on|"on"|'on'|true)\s*:/m.test(text)
}

function normalizedRoot(root: string): string {
  const r = root.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '')
  return r === '' ? '' : `${r}/`
}

export async function runWorkflowAudit(ctx: RunContext, options: WorkflowAuditOptions): Promise<ScanResult> {
  const result: ScanResult = { command: AUDIT_COMMAND, findings: [], errors: [], inputs: [], notices: [] }
  const { files, errors } = await discoverWorkflowFiles(options.paths, ctx.workspace)
  result.errors.push(...errors)
  const rows: InventoryRow[] = []
  for (const path of files) {
    let text: string
    try {
      text = await readTextInput(path, { workspace: ctx.workspace, ...(ctx.allowOutside !== undefined && { allowOutside: ctx.allowOutside }) })
    } catch (error) {
      result.errors.push({ path, message: isUserError(error) ? errorMessage(error) : `cannot read: ${errorMessage(error)}` })
      continue
    }
    result.inputs.push(path)
    try {
      const audit = auditWorkflowText(text, path, options)
      result.findings.push(...audit.findings)
      result.errors.push(...audit.problems)
      result.notices!.push(...audit.notices)
      rows.push(...audit.inventory)
    } catch (error) {
      if (error instanceof WorkflowSyntaxError) result.errors.push({ path, message: `line ${error.line}: ${error.reason}` })
      else result.errors.push({ path, message: `audit failed: ${errorMessage(error)}` })
    }
  }
  const ignored = applyConfigIgnores(result.findings, options.ignores ?? [])
  result.findings = ignored.findings
  result.notices!.push(...ignored.notices)
  if (files.length === 0 && errors.length === 0) {
    result.notices!.push(`no workflow or action file found under ${options.paths.join(', ') || '.'}`)
  }
  result.sections = [{ title: 'Authentication inventory', markdown: renderInventory(rows, options.minAuthLevel) }]
  ctx.logger.debug(`oidc-guard audit: ${files.length} file(s), ${result.findings.length} finding(s), ${rows.length} auth use(s)`)
  return result
}
