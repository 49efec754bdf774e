import type { AnalysisRun } from './analysis.js'
import type { LiveOutcome, StepReport } from './outcome.js'

const ICON: Record<StepReport['status'], string> = { passed: '✅', failed: '❌', error: '⚠️', skipped: '⏭️' }

/** Job-summary markdown: the step table with timings, then each analysis's measurements. */
export function renderReport(outcome: LiveOutcome, steps: StepReport[], runs: Array<{ title: string; run: AnalysisRun }>): string {
  const lines = [
    `Target: ${cell(outcome.target)}`,
    '',
    '| Step | Command | Result | Duration | Details |',
    '|---|---|---|---|---|',
    ...steps.map(step =>
      [
        cell(step.title),
        step.argv ? `\`${cell(step.argv.join(' '))}\`` : '',
        `${ICON[step.status]} ${step.status}${step.exitCode !== undefined ? ` (exit ${step.exitCode})` : ''}`,
        seconds(step.durationMs),
        cell(step.detail)
      ].join(' | ')
    ).map(row => `| ${row} |`)
  ]
  for (const { title, run } of runs) {
    const c = run.counters
    lines.push(
      '',
      `**${title}: ${run.phase}** — ${cell(run.message)} (successful ${c.successful}, failed ${c.failed}, inconclusive ${c.inconclusive}, error ${c.error})`,
      '',
      '| # | At | Phase | Value | Message |',
      '|---|---|---|---|---|',
      ...run.measurements.map((m, i) => `| ${i + 1} | +${seconds(m.startedAtMs)} | ${m.phase} | ${cell(m.value ?? '')} | ${cell(m.message ?? '')} |`)
    )
  }
  return lines.join('\n')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

/** Keeps table cells on one line and stops `|` from splitting them. */
function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat
}
