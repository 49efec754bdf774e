import { InputFileError } from '../core/errors.js'
import { readTextInput, type ReadOptions } from '../core/files.js'
import { FINGERPRINT_KEY } from '../core/sarif-write.js'
import { parseReport } from './parse.js'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Fingerprints of an earlier run: our JSON result, our merged SARIF (partial
 * fingerprints), or any scanner report we can parse. A baseline that cannot
 * be read is an error: silently treating everything as new or as known
 * would both be wrong.
 */
export async function loadBaseline(path: string, options: ReadOptions): Promise<Set<string>> {
  const text = await readTextInput(path, options)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new InputFileError(path, `baseline is not valid JSON (${(error as Error).message})`)
  }
  if (isRecord(data) && Array.isArray(data.findings) && typeof data.verdict === 'string') {
    return new Set(
      data.findings.flatMap(f => (isRecord(f) && typeof f.fingerprint === 'string' ? [f.fingerprint] : []))
    )
  }
  if (isRecord(data) && Array.isArray(data.runs)) {
    const ours = data.runs.flatMap(run =>
      isRecord(run) && Array.isArray(run.results)
        ? run.results.flatMap(r => {
            const fp = isRecord(r) && isRecord(r.partialFingerprints) ? r.partialFingerprints[FINGERPRINT_KEY] : undefined
            return typeof fp === 'string' ? [fp] : []
          })
        : []
    )
    if (ours.length > 0) return new Set(ours)
  }
  // A scanner's own report from the default branch works as a baseline too.
  return new Set(parseReport(text, path).findings.map(f => f.fingerprint))
}
