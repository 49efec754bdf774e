import type { DrillStep, StepCell } from './drill.js'

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function cell(c: StepCell): string {
  const icon = { ok: '✅', failed: '❌', differs: '⚠️ differs', missing: '❌ missing', 'not run': '—' }[c.status]
  return c.ms === undefined ? icon : `${icon} ${c.ms} ms`
}

/** The per-migration drill table for the job summary. */
export function drillTable(steps: DrillStep[], facts: { engine: string; engineMs: number; drillMs: number }): string {
  const lines = [
    `Engine: ${escape(facts.engine.split(' on ')[0] ?? facts.engine)} (started in ${facts.engineMs} ms); drill ${facts.drillMs} ms.`,
    '',
    '| version | migration | up | down | re-up |',
    '|---|---|---|---|---|',
    ...steps.map(s => `| ${escape(s.version)} | ${escape(s.name || s.path)} | ${cell(s.up)} | ${cell(s.down)} | ${cell(s.reUp)} |`)
  ]
  if (steps.length === 0) lines.push('| — | no migrations | | | |')
  return lines.join('\n')
}
