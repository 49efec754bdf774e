import type { Finding } from '../../core/finding.js'
import type { Severity } from '../../core/severity.js'

export interface ParserContext {
  /** Severity given to secrets when the tool has none (gitleaks). */
  secretSeverity: Severity
}

export interface ParserOutput {
  /** Tool name (lower case); for SARIF the driver name, with known aliases folded. */
  tool: string
  findings: Finding[]
  /** Entries the tool itself marks as suppressed or skipped (inline ignores, SARIF suppressions): not findings. */
  suppressed: number
}

/** Documentation link for an advisory id when the report carries none. */
export function advisoryUrl(id: string): string | undefined {
  if (id.startsWith('CVE-')) return `https://nvd.nist.gov/vuln/detail/${id}`
  if (id.startsWith('GHSA-')) return `https://github.com/advisories/${id}`
  return undefined
}
