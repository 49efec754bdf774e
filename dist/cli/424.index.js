export const id = 424;
export const ids = [424];
export const modules = {

/***/ 2424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAnalyze: () => (/* binding */ runAnalyze)
});

// UNUSED EXPORTS: RULE_SET, runAnalyzeWith

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/finding.ts
var core_finding = __webpack_require__(5278);
// EXTERNAL MODULE: ./src/core/rule.ts
var core_rule = __webpack_require__(1961);
// EXTERNAL MODULE: ./src/rollback-verify/analyze/analysis.ts
var analysis = __webpack_require__(3531);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/rollback-verify/analyze/command-runner.ts


class CommandStartError extends Error {
    name = 'CommandStartError';
}
const DEFAULT_COMMAND_TIMEOUT_MS = 15 * 60_000;
const MAX_CAPTURE = 64 * 1024;
const KILL_GRACE_MS = 5_000;
const nodeCommandRunner = (argv, options = {}) => new Promise((resolve, reject) => {
    const [file, ...args] = argv;
    if (!file) {
        reject(new CommandStartError('empty command'));
        return;
    }
    const started = performance.now();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let spawned = false;
    const child = (0,external_node_child_process_.spawn)(file, args, { cwd: options.cwd, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    // Keep the tail: the end of a failing command's output is what explains it.
    child.stdout.on('data', (chunk) => (stdout = (stdout + chunk.toString('utf8')).slice(-MAX_CAPTURE)));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString('utf8')).slice(-MAX_CAPTURE)));
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    let killTimer;
    const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, timeoutMs);
    child.on('spawn', () => (spawned = true));
    child.on('error', error => {
        if (spawned)
            return;
        clearTimeout(timer);
        const code = error.code;
        const reason = code === 'ENOENT' ? 'command not found' : code === 'EACCES' ? 'permission denied' : error.message;
        reject(new CommandStartError(`cannot start "${file}": ${reason}`));
    });
    child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (killTimer)
            clearTimeout(killTimer);
        if (!spawned)
            return;
        const signalNumber = signal ? external_node_os_.constants.signals[signal] : undefined;
        const exitCode = code ?? (signalNumber ? 128 + signalNumber : 1);
        resolve({ exitCode, stdout, stderr, durationMs: Math.round(performance.now() - started), ...(timedOut && { timedOut: true }) });
    });
});

// EXTERNAL MODULE: ./src/rollback-verify/analyze/expr/evaluate.ts + 1 modules
var evaluate = __webpack_require__(1910);
// EXTERNAL MODULE: ./src/rollback-verify/analyze/expr/values.ts
var values = __webpack_require__(8359);
;// CONCATENATED MODULE: ./src/rollback-verify/analyze/measurement.ts


/**
 * Argo's EvaluateResult: neither condition → Successful; only success → Failed when false;
 * only failure → Failed when true; both → failure wins, Inconclusive when both are false.
 * A condition that cannot be evaluated makes the measurement an Error, never Failed.
 */
function evaluateResult(result, conditions) {
    let value;
    try {
        value = (0,values/* toValue */.BA)(result);
    }
    catch (error) {
        return { phase: 'Error', message: (0,core_errors/* errorMessage */.gJ)(error) };
    }
    const shown = (0,values/* formatValue */.Fl)(value);
    let success = false;
    let failure = false;
    try {
        if (conditions.success)
            success = conditions.success.evaluate(value);
    }
    catch (error) {
        return { phase: 'Error', value: shown, message: evalMessage('successCondition', conditions.success.source, value, error) };
    }
    try {
        if (conditions.failure)
            failure = conditions.failure.evaluate(value);
    }
    catch (error) {
        return { phase: 'Error', value: shown, message: evalMessage('failureCondition', conditions.failure.source, value, error) };
    }
    if (!conditions.success && !conditions.failure)
        return { phase: 'Successful', value: shown };
    if (conditions.success && !conditions.failure)
        failure = !success;
    if (!conditions.success && conditions.failure)
        success = !failure;
    if (failure)
        return { phase: 'Failed', value: shown };
    if (!success)
        return { phase: 'Inconclusive', value: shown, message: 'neither successCondition nor failureCondition is true' };
    return { phase: 'Successful', value: shown };
}
/** Same wording idea as newer Argo: say plainly when the provider returned no data. */
function evalMessage(kind, source, value, error) {
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (empty)
        return `could not evaluate ${kind} "${source}": metric result is nil or empty: no data returned from the metric provider`;
    return `could not evaluate ${kind} "${source}": ${(0,core_errors/* errorMessage */.gJ)(error)}`;
}

// EXTERNAL MODULE: ./src/rollback-verify/analyze/presets.ts
var presets = __webpack_require__(165);
// EXTERNAL MODULE: ./src/rollback-verify/analyze/providers/http.ts
var http = __webpack_require__(7094);
// EXTERNAL MODULE: ./src/rollback-verify/analyze/expr/builtins.ts
var builtins = __webpack_require__(237);
// EXTERNAL MODULE: ./src/rollback-verify/analyze/providers/provider.ts
var provider = __webpack_require__(2567);
;// CONCATENATED MODULE: ./src/rollback-verify/analyze/providers/prometheus.ts


/**
 * Prometheus instant query (`GET /api/v1/query`). Like Argo: a scalar becomes a number, a vector
 * (and a matrix, flattened over all series) becomes an array of floats, anything else is an error.
 */
class PrometheusProvider {
    baseUrl;
    query;
    timeoutMs;
    description;
    constructor(baseUrl, query, timeoutMs = provider/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc) {
        this.baseUrl = baseUrl;
        this.query = query;
        this.timeoutMs = timeoutMs;
        this.description = `Prometheus ${(0,provider/* redactUrl */.BO)(baseUrl)} query \`${query}\``;
    }
    async measure() {
        const url = new URL('api/v1/query', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
        url.searchParams.set('query', this.query);
        // Prometheus caps its own evaluation too, slightly under our client timeout.
        url.searchParams.set('timeout', `${Math.max(1, Math.floor(this.timeoutMs / 1000))}s`);
        const { status, body } = await (0,provider/* fetchText */.Sy)(url.toString(), this.timeoutMs, 'application/json');
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new provider/* ProviderError */.mZ(`Prometheus answered HTTP ${status} with a body that is not JSON: ${body.slice(0, 120)}`);
        }
        return parsePrometheusResponse(status, parsed);
    }
}
function parsePrometheusResponse(status, parsed) {
    if (!isRecord(parsed))
        throw new provider/* ProviderError */.mZ(`Prometheus answered HTTP ${status} with an unexpected body`);
    if (parsed.status !== 'success') {
        const detail = typeof parsed.error === 'string' ? parsed.error : 'no error message';
        const kind = typeof parsed.errorType === 'string' ? `${parsed.errorType}: ` : '';
        throw new provider/* ProviderError */.mZ(`Prometheus query failed (HTTP ${status}): ${kind}${detail}`);
    }
    const data = parsed.data;
    if (!isRecord(data))
        throw new provider/* ProviderError */.mZ('Prometheus response has no data');
    const result = data.result;
    switch (data.resultType) {
        case 'scalar':
            return sampleValue(result);
        case 'vector':
            if (!Array.isArray(result))
                throw new provider/* ProviderError */.mZ('Prometheus vector result is not a list');
            return result.map(series => sampleValue(isRecord(series) ? series.value : undefined));
        case 'matrix':
            if (!Array.isArray(result))
                throw new provider/* ProviderError */.mZ('Prometheus matrix result is not a list');
            return result.flatMap(series => {
                const values = isRecord(series) ? series.values : undefined;
                if (!Array.isArray(values))
                    throw new provider/* ProviderError */.mZ('Prometheus matrix series has no values');
                return values.map(sampleValue);
            });
        default:
            throw new provider/* ProviderError */.mZ(`Prometheus metric type not supported: ${String(data.resultType)}`);
    }
}
/** A sample is `[unixSeconds, "value"]`; values are strings so NaN and ±Inf survive JSON. */
function sampleValue(sample) {
    if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[1] !== 'string') {
        throw new provider/* ProviderError */.mZ('Prometheus sample is not [timestamp, "value"] (native histograms are not supported)');
    }
    const value = (0,builtins/* parseFloatStrict */.fS)(sample[1]);
    if (value === undefined)
        throw new provider/* ProviderError */.mZ(`Prometheus sample value is not a number: ${sample[1]}`);
    return value;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/report.ts
const ICON = { passed: '✅', failed: '❌', error: '⚠️', skipped: '⏭️' };
/** Job-summary markdown: the step table with timings, then each analysis's measurements. */
function renderReport(outcome, steps, runs) {
    const lines = [
        `Target: ${cell(outcome.target)}`,
        '',
        '| Step | Command | Result | Duration | Details |',
        '|---|---|---|---|---|',
        ...steps.map(step => [
            cell(step.title),
            step.argv ? `\`${cell(step.argv.join(' '))}\`` : '',
            `${ICON[step.status]} ${step.status}${step.exitCode !== undefined ? ` (exit ${step.exitCode})` : ''}`,
            seconds(step.durationMs),
            cell(step.detail)
        ].join(' | ')).map(row => `| ${row} |`)
    ];
    for (const { title, run } of runs) {
        const c = run.counters;
        lines.push('', `**${title}: ${run.phase}** — ${cell(run.message)} (successful ${c.successful}, failed ${c.failed}, inconclusive ${c.inconclusive}, error ${c.error})`, '', '| # | At | Phase | Value | Message |', '|---|---|---|---|---|', ...run.measurements.map((m, i) => `| ${i + 1} | +${seconds(m.startedAtMs)} | ${m.phase} | ${cell(m.value ?? '')} | ${cell(m.message ?? '')} |`));
    }
    return lines.join('\n');
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
/** Keeps table cells on one line and stops `|` from splitting them. */
function cell(text) {
    const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/outcome.ts
/** Short "what happened to the rollback" sentence for finding messages. */
function rollbackSummary(outcome) {
    const { rollback, verification } = outcome;
    if (!outcome.rollbackNeeded)
        return 'No rollback was run.';
    if (!rollback)
        return 'No rollback is configured.';
    if (!rollback.attempted)
        return 'The rollback was not run.';
    if (rollback.startError)
        return `The rollback could not start: ${rollback.startError}.`;
    if (!rollback.succeeded)
        return `The rollback failed at \`${rollback.failedStep?.title ?? 'a step'}\`.`;
    if (verification?.verified)
        return 'The rollback ran and was verified (checks passed, fresh analysis Successful).';
    return `The rollback ran but was not verified${verification?.failedStep ? ` (${verification.failedStep.title}: ${verification.failedStep.detail})` : ''}.`;
}
function lastValue(run) {
    const last = [...run.measurements].reverse().find(m => m.value !== undefined);
    return last?.value ?? 'no value';
}

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-001-analysis-failed.ts

const rule = {
    id: 'RV-LIVE-001',
    name: 'analysis-failed',
    title: 'Post-deploy analysis failed',
    severity: 'high',
    kind: 'policy',
    rationale: 'The metric crossed its threshold more often than failureLimit allows (Argo semantics). The deployment is unhealthy; even a verified rollback does not make this deploy a success.',
    fix: 'Investigate the release that was rolled back; fix forward or redeploy once the metric is healthy.',
    anchors: { argo: 'AnalysisPhaseFailed' },
    check(outcome) {
        if (outcome.analysis.phase !== 'Failed')
            return undefined;
        const { counters } = outcome.analysis;
        return {
            message: `Analysis of ${outcome.target} failed: ${outcome.analysis.message}; last value ${lastValue(outcome.analysis)}. ${rollbackSummary(outcome)}`,
            properties: { failed: counters.failed, successful: counters.successful, count: counters.count, rollbackVerified: outcome.verification?.verified ?? false }
        };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-002-analysis-error.ts

const rv_live_002_analysis_error_rule = {
    id: 'RV-LIVE-002',
    name: 'analysis-error',
    title: 'Post-deploy analysis could not measure (Error / no data)',
    severity: 'high',
    kind: 'policy',
    rationale: 'More consecutive measurements errored than consecutiveErrorLimit allows: the metric source was unreachable, returned no data (empty vector) or the condition could not be evaluated. Argo aborts the rollout in this case.',
    fix: 'Check the Prometheus/health URL and query; guard conditions with `len(result) > 0 && …` so an empty vector is a decision, not an error.',
    anchors: { argo: 'AnalysisPhaseError' },
    check(outcome) {
        if (outcome.analysis.phase !== 'Error')
            return undefined;
        const last = [...outcome.analysis.measurements].reverse().find(m => m.phase === 'Error');
        return {
            message: `Analysis of ${outcome.target} ended in Error: ${outcome.analysis.message}${last?.message ? `; last error: ${last.message}` : ''}. ${rollbackSummary(outcome)}`,
            // on-error: inconclusive makes this a warning, as the spec allows
            ...(outcome.errorAsInconclusive && { severity: 'medium' }),
            properties: { errors: outcome.analysis.counters.error, count: outcome.analysis.counters.count }
        };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-003-analysis-inconclusive.ts

const rv_live_003_analysis_inconclusive_rule = {
    id: 'RV-LIVE-003',
    name: 'analysis-inconclusive',
    title: 'Post-deploy analysis inconclusive',
    severity: 'medium',
    kind: 'policy',
    rationale: 'Neither the success nor the failure condition held more often than inconclusiveLimit allows. Argo pauses the rollout for a human decision; no automatic rollback is run unless on-inconclusive is rollback.',
    fix: 'Decide manually whether to keep or roll back the release; make success and failure conditions complementary if every measurement should decide.',
    anchors: { argo: 'AnalysisPhaseInconclusive' },
    check(outcome) {
        if (outcome.analysis.phase !== 'Inconclusive')
            return undefined;
        return {
            message: `Analysis of ${outcome.target} was inconclusive: ${outcome.analysis.message}; last value ${lastValue(outcome.analysis)}. ${rollbackSummary(outcome)}`,
            properties: { inconclusive: outcome.analysis.counters.inconclusive }
        };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-004-rollback-failed.ts
const rv_live_004_rollback_failed_rule = {
    id: 'RV-LIVE-004',
    name: 'rollback-failed',
    title: 'Rollback command failed',
    severity: 'high',
    kind: 'policy',
    rationale: 'The analysis asked for a rollback and the rollback command exited non-zero or could not be started: the broken release is probably still live.',
    fix: 'Roll back by hand now; then fix the rollback command (binary on PATH, credentials, revision history) and test it.',
    check(outcome) {
        const rollback = outcome.rollback;
        if (!rollback?.attempted || rollback.succeeded)
            return undefined;
        const step = rollback.failedStep;
        const reason = rollback.startError ?? (step ? `exit code ${step.exitCode ?? '?'}${step.detail ? `: ${step.detail}` : ''}` : 'unknown failure');
        return { message: `Rollback command \`${step?.argv?.join(' ') ?? 'unknown'}\` failed (${reason}).`, properties: { couldNotStart: rollback.startError !== undefined } };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-005-rollback-not-verified.ts
const rv_live_005_rollback_not_verified_rule = {
    id: 'RV-LIVE-005',
    name: 'rollback-not-verified',
    title: 'Rollback ran but verification failed',
    severity: 'high',
    kind: 'policy',
    rationale: 'The rollback commands exited 0, but the checks afterwards (rollout status, ECS stable, verify command or a fresh analysis) did not pass: the service may still be unhealthy.',
    fix: 'Check the service by hand; look at the verify step output and the fresh analysis in the job summary.',
    check(outcome) {
        const verification = outcome.verification;
        if (!outcome.rollback?.succeeded || !verification || verification.verified)
            return undefined;
        const step = verification.failedStep;
        const reanalysis = verification.reanalysis;
        const why = step ? `${step.title}: ${step.detail}` : reanalysis ? `fresh analysis ended ${reanalysis.phase}: ${reanalysis.message}` : 'no check passed';
        return { message: `The rollback was not verified (${why}).`, properties: { reanalysisPhase: reanalysis?.phase ?? 'not-run' } };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules/rv-live-006-no-rollback.ts
const rv_live_006_no_rollback_rule = {
    id: 'RV-LIVE-006',
    name: 'no-rollback-configured',
    title: 'Analysis calls for a rollback but none is configured',
    severity: 'high',
    kind: 'misconfiguration',
    rationale: 'A failing deployment was detected but nothing can undo it automatically.',
    fix: 'Set rollback-preset (kubectl, ecs, vercel) with rollback-args, or rollback-command with the argv that undoes the deploy.',
    check(outcome) {
        if (!outcome.rollbackNeeded || outcome.rollback)
            return undefined;
        return { message: `Analysis of ${outcome.target} ended ${outcome.analysis.phase} and no rollback command is configured.` };
    }
};

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/rules.ts






/** The RV-LIVE rules with their checks, in id order. */
const LIVE_RULE_CHECKS = [rule, rv_live_002_analysis_error_rule, rv_live_003_analysis_inconclusive_rule, rv_live_004_rollback_failed_rule, rv_live_005_rollback_not_verified_rule, rv_live_006_no_rollback_rule];
/** Metadata of every live-analysis rule (for docs and SARIF rule tables). */
const LIVE_RULES = LIVE_RULE_CHECKS.map(({ check: _check, ...meta }) => meta);

;// CONCATENATED MODULE: ./src/rollback-verify/analyze/run.ts













const RULE_SET = 'rollback-verify';
/**
 * Mode `analyze`: measure after a deploy with Argo's semantics; on Failed/Error run the
 * rollback, then verify it (preset checks, verify command, fresh analysis).
 */
function runAnalyze(ctx, options, exec) {
    return runAnalyzeWith(ctx, options, { exec: exec ?? nodeCommandRunner });
}
async function runAnalyzeWith(ctx, options, deps = {}) {
    const exec = deps.exec ?? nodeCommandRunner;
    const clock = deps.clock ?? analysis/* realClock */.dQ;
    const plan = (0,presets/* rollbackPlan */.E4)(options.rollback);
    const conditions = parseConditions(options);
    const provider = deps.provider ?? providerFor(options);
    const schedule = {
        count: options.count,
        intervalMs: options.intervalMs,
        failureLimit: options.failureLimit,
        inconclusiveLimit: options.inconclusiveLimit,
        consecutiveErrorLimit: options.consecutiveErrorLimit,
        initialDelayMs: options.initialDelayMs ?? 0,
        ...(deps.errorRetryIntervalMs !== undefined && { errorRetryIntervalMs: deps.errorRetryIntervalMs })
    };
    const measure = async () => {
        let value;
        try {
            value = await provider.measure();
        }
        catch (error) {
            return { phase: 'Error', message: (0,core_errors/* errorMessage */.gJ)(error) };
        }
        return evaluateResult(value, conditions);
    };
    const analyze = async (title) => {
        ctx.logger.info(`${title}: ${provider.description}`);
        const run = await (0,analysis/* runAnalysis */.A1)(schedule, measure, clock);
        ctx.logger.info(`${title}: ${run.phase} (${run.message})`);
        const status = run.phase === 'Successful' ? 'passed' : run.phase === 'Error' ? 'error' : 'failed';
        return { run, step: { kind: title === 'Analysis' ? 'analysis' : 're-analysis', title, status, durationMs: run.durationMs, detail: `${run.phase}: ${run.message}` } };
    };
    const runStep = async (kind, argv) => {
        const title = `${kind}: ${shortCommand(argv)}`;
        ctx.logger.info(`running ${argv.join(' ')}`);
        const started = clock.now();
        try {
            const result = await exec(argv, { cwd: ctx.workspace, ...(deps.commandTimeoutMs !== undefined && { timeoutMs: deps.commandTimeoutMs }) });
            const ok = result.exitCode === 0;
            const tail = lastLine(result.stderr) || lastLine(result.stdout);
            const detail = result.timedOut ? 'timed out' : ok ? tail : tail || 'no output';
            return { step: { kind, title, argv, status: ok ? 'passed' : 'failed', exitCode: result.exitCode, durationMs: result.durationMs, detail } };
        }
        catch (error) {
            const message = error instanceof CommandStartError ? error.message : `cannot run "${argv[0]}": ${(0,core_errors/* errorMessage */.gJ)(error)}`;
            return { step: { kind, title, argv, status: 'error', durationMs: clock.now() - started, detail: message }, startError: message };
        }
    };
    const steps = [];
    const runs = [];
    const first = await analyze('Analysis');
    steps.push(first.step);
    runs.push({ title: 'Analysis', run: first.run });
    const phase = first.run.phase;
    // Argo aborts on Failed and Error and pauses on Inconclusive; both of the latter are configurable.
    const needsRollback = phase === 'Failed' || (phase === 'Error' && options.onError !== 'inconclusive') || (phase === 'Inconclusive' && options.onInconclusive === 'rollback');
    const outcome = { target: provider.description, analysis: first.run, rollbackNeeded: needsRollback, errorAsInconclusive: options.onError === 'inconclusive' };
    const errors = [];
    const sourcePath = findingPath(ctx);
    if (first.run.phase === 'Error' && first.run.counters.count === 0) {
        // Not a single value was obtained: the gate could not judge the deploy at all.
        errors.push({ path: sourcePath.path, message: `analysis could not measure ${provider.description}: ${first.run.message}; ${lastError(first.run)}` });
    }
    if (needsRollback && plan) {
        outcome.rollback = { attempted: true, succeeded: true };
        for (const argv of plan.rollback) {
            const { step, startError } = await runStep('rollback', argv);
            steps.push(step);
            if (step.status !== 'passed') {
                outcome.rollback = { attempted: true, succeeded: false, failedStep: step, ...(startError && { startError }) };
                if (startError)
                    errors.push({ path: sourcePath.path, message: `rollback could not start: ${startError}` });
                break;
            }
        }
        if (outcome.rollback.succeeded)
            outcome.verification = await verify(plan.verify, options, steps, runs, runStep, analyze, errors, sourcePath.path);
    }
    else if (!needsRollback && phase !== 'Successful') {
        const why = phase === 'Inconclusive' ? 'Inconclusive: left for a human decision (Argo pauses the rollout)' : 'Error treated as inconclusive (on-error: inconclusive)';
        steps.push({ kind: 'rollback', title: 'rollback', status: 'skipped', durationMs: 0, detail: why });
    }
    const findings = LIVE_RULE_CHECKS.flatMap(rule => {
        const hit = rule.check(outcome);
        if (!hit)
            return [];
        const finding = {
            source: RULE_SET,
            ruleId: rule.id,
            ruleName: rule.name,
            severity: hit.severity ?? rule.severity,
            title: rule.title,
            message: hit.message,
            path: sourcePath.path,
            line: sourcePath.line,
            fingerprint: (0,core_finding/* fingerprintOf */.ax)(rule.id, sourcePath.path, providerIdentity(options)),
            helpUri: (0,core_rule/* ruleDocsUrl */.h)(RULE_SET, rule.id),
            kind: rule.kind,
            fix: rule.fix,
            ...(hit.properties && { properties: hit.properties })
        };
        return [finding];
    });
    return {
        command: 'rollback-verify',
        findings,
        errors,
        inputs: [`analysis: ${provider.description}`],
        sections: [{ title: 'Post-deploy analysis', markdown: renderReport(outcome, steps, runs) }],
        outputs: { 'analysis-phase': first.run.phase, rollback: rollbackState(outcome, needsRollback) }
    };
}
async function verify(presetChecks, options, steps, runs, runStep, analyze, errors, path) {
    const checks = [...presetChecks, ...(options.verify?.command ? [options.verify.command] : [])];
    for (const argv of checks) {
        const { step, startError } = await runStep('verify', argv);
        steps.push(step);
        if (startError)
            errors.push({ path, message: `verify command could not start: ${startError}` });
        if (step.status !== 'passed')
            return { verified: false, failedStep: step };
    }
    if (options.verify?.reanalyze === false) {
        // Without a fresh analysis only the commands vouch for the rollback.
        return { verified: checks.length > 0 };
    }
    const again = await analyze('Re-analysis after rollback');
    steps.push(again.step);
    runs.push({ title: 'Re-analysis after rollback', run: again.run });
    return { verified: again.run.phase === 'Successful', reanalysis: again.run };
}
function parseConditions(options) {
    const parse = (name, source) => {
        if (source === undefined || source.trim() === '')
            return undefined;
        try {
            return evaluate/* Condition */.kW.parse(source);
        }
        catch (error) {
            throw new core_errors/* ConfigError */.xL(`${name}: ${(0,core_errors/* errorMessage */.gJ)(error)}`);
        }
    };
    const success = parse('success-condition', options.successCondition);
    const failure = parse('failure-condition', options.failureCondition);
    return { ...(success && { success }), ...(failure && { failure }) };
}
function providerFor(options) {
    const p = options.provider;
    if (p.kind === 'prometheus')
        return new PrometheusProvider(p.url, p.query, options.timeoutMs);
    return new http/* HttpHealthProvider */.su(p.url, p.jsonPath, options.timeoutMs);
}
/** Identity for fingerprints: what is measured, never when. */
function providerIdentity(options) {
    const p = options.provider;
    return p.kind === 'prometheus' ? `prometheus|${p.query}` : `http|${p.jsonPath ?? 'status'}`;
}
/** Findings point at `rollback-verify.analyze` in the config file when it is configured there. */
function findingPath(ctx) {
    const configured = ctx.config.file !== undefined && ctx.config.section('rollback-verify').analyze !== undefined;
    if (!configured)
        return { path: 'analysis', line: 1 };
    return { path: ctx.config.file.replace(/\\/g, '/').replace(/^\.\//, ''), line: ctx.config.lineOf(['rollback-verify', 'analyze']) ?? 1 };
}
function rollbackState(outcome, needed) {
    if (!needed)
        return 'not-needed';
    if (!outcome.rollback)
        return 'not-configured';
    if (!outcome.rollback.succeeded)
        return 'failed';
    return outcome.verification?.verified ? 'verified' : 'not-verified';
}
function lastError(run) {
    const last = [...run.measurements].reverse().find(m => m.phase === 'Error');
    return last?.message ?? 'no measurement';
}
/** "kubectl rollout undo", "node rollback.mjs …": paths shortened, the full argv is in its own column. */
function shortCommand(argv) {
    const words = argv.slice(0, 3).map(word => (word.includes('/') && !/^[a-z]+:\/\//.test(word) ? (0,external_node_path_.basename)(word) : word));
    return `${words.join(' ')}${argv.length > 3 ? ' …' : ''}`;
}
function lastLine(text) {
    const lines = text.trim().split(/\r?\n/);
    return (lines[lines.length - 1] ?? '').slice(0, 300);
}


/***/ })

};

//# sourceMappingURL=424.index.js.map