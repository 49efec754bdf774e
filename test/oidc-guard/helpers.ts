import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../src/core/finding.js'
import { auditWorkflowText, type WorkflowAuditOptions } from '../../src/oidc-guard/workflow/audit.js'

export const FIXTURES = join(import.meta.dirname, '../fixtures/oidc-guard')

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

export function auditFixture(name: string, options: Partial<Omit<WorkflowAuditOptions, 'paths'>> = {}) {
  return auditWorkflowText(fixture(name), `.github/workflows/${name}`, options)
}

/** `RULE@line:severity` for unsuppressed findings, sorted — compact and exact. */
export function summary(findings: Finding[]): string[] {
  return findings
    .filter(f => !f.suppressed)
    .map(f => `${f.ruleId}@${f.line}:${f.severity}`)
    .sort()
}
