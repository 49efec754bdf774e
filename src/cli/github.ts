import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { selectAnnotations } from '../core/annotations.js'
import type { Report } from '../core/result.js'
import { SEVERITIES } from '../core/severity.js'
import { renderSummary } from '../core/summary.js'

/** Workflow-command escaping, as the Actions runner expects it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function setOutput(file: string, name: string, value: string): void {
  // A random delimiter, checked against the value, so a value cannot inject outputs.
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (value.includes(delimiter)) throw new Error('output value contains its delimiter')
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

/**
 * `--github`: what the action adapters do, without @actions/core, so the CLI
 * can serve a composite action (and GitHub-like CI): annotations on stdout,
 * the job summary and the outputs into the runner's files.
 */
export function publishToGitHub(report: Report, write: (text: string) => void, env = process.env): void {
  const annotations = selectAnnotations(report)
  for (const a of annotations) {
    const props = [`file=${escapeProperty(a.file)}`, `line=${a.startLine}`, ...(a.endLine ? [`endLine=${a.endLine}`] : []), `title=${escapeProperty(a.title)}`]
    write(`::${a.level} ${props.join(',')}::${escapeData(a.message)}\n`)
  }
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, renderSummary(report, { annotated: annotations.length }))
  if (env.GITHUB_OUTPUT) {
    setOutput(env.GITHUB_OUTPUT, 'verdict', report.verdict)
    setOutput(env.GITHUB_OUTPUT, 'counts', JSON.stringify(report.counts))
    for (const s of SEVERITIES) setOutput(env.GITHUB_OUTPUT, s, String(report.counts[s]))
    setOutput(env.GITHUB_OUTPUT, 'blocking', String(report.blocking.length))
  }
}
