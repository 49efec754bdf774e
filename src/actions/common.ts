import { relative, resolve } from 'node:path'
import * as core from '@actions/core'
import { selectAnnotations } from '../core/annotations.js'
import { loadConfig } from '../core/config.js'
import type { RunContext } from '../core/context.js'
import { errorMessage, isUserError } from '../core/errors.js'
import type { Logger } from '../core/logger.js'
import { finalize, parseBudgets } from '../core/pipeline.js'
import type { Report, ScanResult } from '../core/result.js'
import { parseThreshold, SEVERITIES } from '../core/severity.js'
import { renderSummary } from '../core/summary.js'
import { reportSarif, toJsonResult, writeOutputFile } from '../core/write-outputs.js'

export const actionsLogger: Logger = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message)
}

/** Comma- or newline-separated list input. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/** Boolean input that is false when empty, strict otherwise (getBooleanInput throws on "yes"). */
export function flagInput(name: string): boolean | undefined {
  return core.getInput(name) === '' ? undefined : core.getBooleanInput(name)
}

async function writeSummary(markdown: string): Promise<void> {
  // core.summary.write throws when GITHUB_STEP_SUMMARY is unset (local runs): skip then.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown, true).write()
}

export interface ActionHooks {
  /** Runs after the report is final (e.g. the gates PR comment). */
  afterReport?: (report: Report, summary: string) => Promise<void>
}

async function publish(name: string, report: Report, workspace: string, hooks: ActionHooks): Promise<void> {
  const sarif = reportSarif(report)
  const runnerTemp = process.env.RUNNER_TEMP || workspace
  const sarifPath = await writeOutputFile(
    workspace,
    core.getInput('sarif-file') || resolve(runnerTemp, `deploy-gates-${name}.sarif`),
    `${JSON.stringify(sarif.log)}\n`,
    report.inputs
  )
  const resultPath = await writeOutputFile(
    workspace,
    core.getInput('result-file') || resolve(runnerTemp, `deploy-gates-${name}.json`),
    toJsonResult(report),
    report.inputs
  )
  const annotations = selectAnnotations(report)
  // Annotations need repository-relative paths; findings are relative to working-directory.
  const repoRoot = process.env.GITHUB_WORKSPACE || workspace
  for (const a of annotations) {
    const file = relative(repoRoot, resolve(workspace, a.file)).replace(/\\/g, '/')
    const props = { title: a.title, file, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn }
    if (a.level === 'error') core.error(a.message, props)
    else if (a.level === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  }
  const summary = renderSummary(report, { annotated: annotations.length, sarifTruncated: sarif.truncated })
  await writeSummary(summary)
  core.setOutput('verdict', report.verdict)
  core.setOutput('counts', JSON.stringify(report.counts))
  for (const s of SEVERITIES) core.setOutput(s, String(report.counts[s]))
  core.setOutput('blocking', String(report.blocking.length))
  core.setOutput('sarif-file', sarifPath)
  core.setOutput('result-file', resultPath)
  for (const [key, value] of Object.entries(report.outputs ?? {})) core.setOutput(key, value)
  await hooks.afterReport?.(report, summary)
}

/**
 * The whole life of an action: common inputs → context → capability →
 * suppressions and policy → outputs, summary, annotations → exit status.
 * Capability adapters supply only `body`.
 */
export async function runAction(name: string, body: (ctx: RunContext) => Promise<ScanResult>, hooks: ActionHooks = {}): Promise<void> {
  try {
    const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd(), core.getInput('working-directory') || '.')
    const configInput = core.getInput('config')
    const config = await loadConfig(workspace, configInput && configInput !== '.github/deploy-gates.yml' ? configInput : undefined)
    const failOnInput = core.getInput('fail-on')
    const failOn = failOnInput ? parseThreshold(failOnInput, 'fail-on') : undefined
    const ctx: RunContext = { workspace, config, logger: actionsLogger }
    const scan = await body(ctx)
    const budgets = parseBudgets(core.getInput('budgets'), 'budgets')
    const report = finalize(scan, config, { failOn, budgets, ignoreUnfixed: flagInput('ignore-unfixed') })
    await publish(name, report, workspace, hooks)
    const line = `${name}: ${report.verdict} (${SEVERITIES.map(s => `${report.counts[s]} ${s}`).join(', ')}; ${report.blocking.length} blocking)`
    if (report.verdict === 'pass') core.info(line)
    else if (report.verdict === 'fail') core.setFailed(`${line}: findings at or above the policy threshold block this deployment`)
    else core.setFailed(`${line}: ${report.errors.map(e => `${e.path}: ${e.message}`).join('; ')}`)
  } catch (error) {
    core.setOutput('verdict', 'error')
    if (!isUserError(error) && error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(`${name}: ${isUserError(error) ? '' : 'internal error: '}${errorMessage(error)}`)
  }
}
