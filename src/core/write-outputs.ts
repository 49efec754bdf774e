import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UserError } from './errors.js'
import type { Report } from './result.js'
import { toSarif, type SarifOutput } from './sarif-write.js'

export const VERSION = '0.1.0'

/** The JSON contract: `{ command, verdict, counts, findings, errors }` plus what helps callers. */
export function toJsonResult(report: Report): string {
  return `${JSON.stringify(
    {
      command: report.command,
      verdict: report.verdict,
      counts: report.counts,
      findings: report.findings,
      errors: report.errors,
      blocking: report.blocking,
      inputs: report.inputs,
      notices: report.notices,
      ...(report.outputs && { outputs: report.outputs })
    },
    null,
    2
  )}\n`
}

/**
 * Writes an output file, refusing to overwrite one of the inputs: nothing
 * the user gave may be lost.
 */
export async function writeOutputFile(workspace: string, path: string, content: string, inputs: string[]): Promise<string> {
  const abs = resolve(workspace, path)
  if (inputs.some(input => resolve(workspace, input) === abs)) {
    throw new UserError(`${path}: refusing to write output over an input file`)
  }
  await mkdir(dirname(abs), { recursive: true })
  await writeFile(abs, content)
  return abs
}

export function reportSarif(report: Report): SarifOutput {
  return toSarif(report.findings, { toolVersion: VERSION })
}
