import { basename } from 'node:path'
import type { RunContext } from '../../core/context.js'
import { ConfigError, errorMessage } from '../../core/errors.js'
import { fingerprintOf, type Finding } from '../../core/finding.js'
import type { InputError, ScanResult } from '../../core/result.js'
import { ruleDocsUrl } from '../../core/rule.js'
import { realClock, runAnalysis, type AnalysisRun, type AnalysisSchedule, type Clock } from './analysis.js'
import { CommandStartError, nodeCommandRunner, type CommandRunner } from './command-runner.js'
import { Condition } from './expr/evaluate.js'
import { evaluateResult, type Conditions, type MeasurementOutcome } from './measurement.js'
import type { AnalyzeOptions } from './options.js'
import type { LiveOutcome, StepReport } from './outcome.js'
import { rollbackPlan } from './presets.js'
import { HttpHealthProvider } from './providers/http.js'
import { PrometheusProvider } from './providers/prometheus.js'
import type { MetricProvider } from './providers/provider.js'
import { renderReport } from './report.js'
import { LIVE_RULE_CHECKS } from './rules.js'

export const RULE_SET = 'rollback-verify'

/** Seams for tests: a fake clock runs the Argo semantics instantly. */
export interface AnalyzeDependencies {
  exec?: CommandRunner
  clock?: Clock
  /** Argo's fixed retry after an Error measurement (10 s); only tests shorten it. */
  errorRetryIntervalMs?: number
  /** Replaces the provider built from options (unit tests of the flow). */
  provider?: MetricProvider
  commandTimeoutMs?: number
}

/**
 * Mode `analyze`: measure after a deploy with Argo's semantics; on Failed/Error run the
 * rollback, then verify it (preset checks, verify command, fresh analysis).
 */
export function runAnalyze(ctx: RunContext, options: AnalyzeOptions, exec?: CommandRunner): Promise<ScanResult> {
  return runAnalyzeWith(ctx, options, { exec: exec ?? nodeCommandRunner })
}

export async function runAnalyzeWith(ctx: RunContext, options: AnalyzeOptions, deps: AnalyzeDependencies = {}): Promise<ScanResult> {
  const exec = deps.exec ?? nodeCommandRunner
  const clock = deps.clock ?? realClock
  const plan = rollbackPlan(options.rollback)
  const conditions = parseConditions(options)
  const provider = deps.provider ?? providerFor(options)
  const schedule: AnalysisSchedule = {
    count: options.count,
    intervalMs: options.intervalMs,
    failureLimit: options.failureLimit,
    inconclusiveLimit: options.inconclusiveLimit,
    consecutiveErrorLimit: options.consecutiveErrorLimit,
    initialDelayMs: options.initialDelayMs ?? 0,
    ...(deps.errorRetryIntervalMs !== undefined && { errorRetryIntervalMs: deps.errorRetryIntervalMs })
  }
  const measure = async (): Promise<MeasurementOutcome> => {
    let value: unknown
    try {
      value = await provider.measure()
    } catch (error) {
      return { phase: 'Error', message: errorMessage(error) }
    }
    return evaluateResult(value, conditions)
  }
  const analyze = async (title: string): Promise<{ run: AnalysisRun; step: StepReport }> => {
    ctx.logger.info(`${title}: ${provider.description}`)
    const run = await runAnalysis(schedule, measure, clock)
    ctx.logger.info(`${title}: ${run.phase} (${run.message})`)
    const status = run.phase === 'Successful' ? 'passed' : run.phase === 'Error' ? 'error' : 'failed'
    return { run, step: { kind: title === 'Analysis' ? 'analysis' : 're-analysis', title, status, durationMs: run.durationMs, detail: `${run.phase}: ${run.message}` } }
  }
  const runStep = async (kind: 'rollback' | 'verify', argv: string[]): Promise<{ step: StepReport; startError?: string }> => {
    const title = `${kind}: ${shortCommand(argv)}`
    ctx.logger.info(`running ${argv.join(' ')}`)
    const started = clock.now()
    try {
      const result = await exec(argv, { cwd: ctx.workspace, ...(deps.commandTimeoutMs !== undefined && { timeoutMs: deps.commandTimeoutMs }) })
      const ok = result.exitCode === 0
      const tail = lastLine(result.stderr) || lastLine(result.stdout)
      const detail = result.timedOut ? 'timed out' : ok ? tail : tail || 'no output'
      return { step: { kind, title, argv, status: ok ? 'passed' : 'failed', exitCode: result.exitCode, durationMs: result.durationMs, detail } }
    } catch (error) {
      const message = error instanceof CommandStartError ? error.message : `cannot run "${argv[0]}": ${errorMessage(error)}`
      return { step: { kind, title, argv, status: 'error', durationMs: clock.now() - started, detail: message }, startError: message }
    }
  }

  const steps: StepReport[] = []
  const runs: Array<{ title: string; run: AnalysisRun }> = []
  const first = await analyze('Analysis')
  steps.push(first.step)
  runs.push({ title: 'Analysis', run: first.run })
  const phase = first.run.phase
  // Argo aborts on Failed and Error and pauses on Inconclusive; both of the latter are configurable.
  const needsRollback =
    phase === 'Failed' || (phase === 'Error' && options.onError !== 'inconclusive') || (phase === 'Inconclusive' && options.onInconclusive === 'rollback')
  const outcome: LiveOutcome = { target: provider.description, analysis: first.run, rollbackNeeded: needsRollback, errorAsInconclusive: options.onError === 'inconclusive' }
  const errors: InputError[] = []
  const sourcePath = findingPath(ctx)

  if (first.run.phase === 'Error' && first.run.counters.count === 0) {
    // Not a single value was obtained: the gate could not judge the deploy at all.
    errors.push({ path: sourcePath.path, message: `analysis could not measure ${provider.description}: ${first.run.message}; ${lastError(first.run)}` })
  }
  if (needsRollback && plan) {
    outcome.rollback = { attempted: true, succeeded: true }
    for (const argv of plan.rollback) {
      const { step, startError } = await runStep('rollback', argv)
      steps.push(step)
      if (step.status !== 'passed') {
        outcome.rollback = { attempted: true, succeeded: false, failedStep: step, ...(startError && { startError }) }
        if (startError) errors.push({ path: sourcePath.path, message: `rollback could not start: ${startError}` })
        break
      }
    }
    if (outcome.rollback.succeeded) outcome.verification = await verify(plan.verify, options, steps, runs, runStep, analyze, errors, sourcePath.path)
  } else if (!needsRollback && phase !== 'Successful') {
    const why = phase === 'Inconclusive' ? 'Inconclusive: left for a human decision (Argo pauses the rollout)' : 'Error treated as inconclusive (on-error: inconclusive)'
    steps.push({ kind: 'rollback', title: 'rollback', status: 'skipped', durationMs: 0, detail: why })
  }

  const findings = LIVE_RULE_CHECKS.flatMap(rule => {
    const hit = rule.check(outcome)
    if (!hit) return []
    const finding: Finding = {
      source: RULE_SET,
      ruleId: rule.id,
      ruleName: rule.name,
      severity: hit.severity ?? rule.severity,
      title: rule.title,
      message: hit.message,
      path: sourcePath.path,
      line: sourcePath.line,
      fingerprint: fingerprintOf(rule.id, sourcePath.path, providerIdentity(options)),
      helpUri: ruleDocsUrl(RULE_SET, rule.id),
      kind: rule.kind,
      fix: rule.fix,
      ...(hit.properties && { properties: hit.properties })
    }
    return [finding]
  })

  return {
    command: 'rollback-verify',
    findings,
    errors,
    inputs: [`analysis: ${provider.description}`],
    sections: [{ title: 'Post-deploy analysis', markdown: renderReport(outcome, steps, runs) }],
    outputs: { 'analysis-phase': first.run.phase, rollback: rollbackState(outcome, needsRollback) }
  }
}

async function verify(
  presetChecks: string[][],
  options: AnalyzeOptions,
  steps: StepReport[],
  runs: Array<{ title: string; run: AnalysisRun }>,
  runStep: (kind: 'verify', argv: string[]) => Promise<{ step: StepReport; startError?: string }>,
  analyze: (title: string) => Promise<{ run: AnalysisRun; step: StepReport }>,
  errors: InputError[],
  path: string
): Promise<NonNullable<LiveOutcome['verification']>> {
  const checks = [...presetChecks, ...(options.verify?.command ? [options.verify.command] : [])]
  for (const argv of checks) {
    const { step, startError } = await runStep('verify', argv)
    steps.push(step)
    if (startError) errors.push({ path, message: `verify command could not start: ${startError}` })
    if (step.status !== 'passed') return { verified: false, failedStep: step }
  }
  if (options.verify?.reanalyze === false) {
    // Without a fresh analysis only the commands vouch for the rollback.
    return { verified: checks.length > 0 }
  }
  const again = await analyze('Re-analysis after rollback')
  steps.push(again.step)
  runs.push({ title: 'Re-analysis after rollback', run: again.run })
  return { verified: again.run.phase === 'Successful', reanalysis: again.run }
}

function parseConditions(options: AnalyzeOptions): Conditions {
  const parse = (name: string, source: string | undefined): Condition | undefined => {
    if (source === undefined || source.trim() === '') return undefined
    try {
      return Condition.parse(source)
    } catch (error) {
      throw new ConfigError(`${name}: ${errorMessage(error)}`)
    }
  }
  const success = parse('success-condition', options.successCondition)
  const failure = parse('failure-condition', options.failureCondition)
  return { ...(success && { success }), ...(failure && { failure }) }
}

function providerFor(options: AnalyzeOptions): MetricProvider {
  const p = options.provider
  if (p.kind === 'prometheus') return new PrometheusProvider(p.url, p.query, options.timeoutMs)
  return new HttpHealthProvider(p.url, p.jsonPath, options.timeoutMs)
}

/** Identity for fingerprints: what is measured, never when. */
function providerIdentity(options: AnalyzeOptions): string {
  const p = options.provider
  return p.kind === 'prometheus' ? `prometheus|${p.query}` : `http|${p.jsonPath ?? 'status'}`
}

/** Findings point at `rollback-verify.analyze` in the config file when it is configured there. */
function findingPath(ctx: RunContext): { path: string; line: number } {
  const configured = ctx.config.file !== undefined && ctx.config.section('rollback-verify').analyze !== undefined
  if (!configured) return { path: 'analysis', line: 1 }
  return { path: ctx.config.file!.replace(/\\/g, '/').replace(/^\.\//, ''), line: ctx.config.lineOf(['rollback-verify', 'analyze']) ?? 1 }
}

function rollbackState(outcome: LiveOutcome, needed: boolean): string {
  if (!needed) return 'not-needed'
  if (!outcome.rollback) return 'not-configured'
  if (!outcome.rollback.succeeded) return 'failed'
  return outcome.verification?.verified ? 'verified' : 'not-verified'
}

function lastError(run: AnalysisRun): string {
  const last = [...run.measurements].reverse().find(m => m.phase === 'Error')
  return last?.message ?? 'no measurement'
}

/** "kubectl rollout undo", "node rollback.mjs …": paths shortened, the full argv is in its own column. */
function shortCommand(argv: string[]): string {
  const words = argv.slice(0, 3).map(word => (word.includes('/') && !/^[a-z]+:\/\//.test(word) ? basename(word) : word))
  return `${words.join(' ')}${argv.length > 3 ? ' …' : ''}`
}

function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/)
  return (lines[lines.length - 1] ?? '').slice(0, 300)
}
