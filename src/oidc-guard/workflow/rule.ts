import { fingerprintOf, type Finding } from '../../core/finding.js'
import { ruleDocsUrl, type RuleMeta } from '../../core/rule.js'
import type { Severity } from '../../core/severity.js'
import picomatch from 'picomatch'
import { inventory, type AuthClass, type AuthUse } from './auth.js'
import { stepKey, type Job, type Step, type WorkflowFile } from './model.js'
import { parseUses } from './uses.js'

export const RULE_SET = 'oidc-guard'
export const SOURCE = 'oidc-guard'

export interface AuditOptions {
  /** Weakest auth class allowed to pass the gate (OG-WF-008). */
  minAuthLevel: AuthClass
  /** `owner/repo` globs exempt from SHA pinning (your own org's actions, say). */
  pinExempt: string[]
  /** Extra `owner/repo` actions that consume the job's ID token. */
  oidcConsumers: string[]
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = { minAuthLevel: 'stored-secret', pinExempt: [], oidcConsumers: [] }

/** Facts computed once per file and shared by the rules. */
export interface FileAnalysis {
  auth: AuthUse[]
  /** Rows that apply to a job: its own plus workflow-level `env:`. */
  jobAuth(job: Job): AuthUse[]
}

export interface RuleContext {
  file: WorkflowFile
  analysis: FileAnalysis
  options: AuditOptions
}

export interface WorkflowRule extends RuleMeta {
  check(ctx: RuleContext): Finding[]
}

export function analyse(file: WorkflowFile, options: AuditOptions): FileAnalysis {
  const auth = inventory(file)
  if (options.oidcConsumers.length > 0) {
    const isConsumer = picomatch(options.oidcConsumers.map(s => s.toLowerCase()))
    for (const job of file.jobs) {
      for (const step of job.steps) {
        const slug = step.uses ? parseUses(step.uses.value).slug : undefined
        if (!slug || !isConsumer(slug) || auth.some(a => a.step === step && a.idToken)) continue
        auth.push({ jobId: job.id, step, line: step.uses!.line, provider: slug, method: `${slug} (OIDC consumer from config)`, authClass: 'oidc', idToken: 'required', secrets: [] })
      }
    }
  }
  return { auth, jobAuth: job => auth.filter(a => a.jobId === job.id || a.jobId === '') }
}

export interface FindingInput {
  line: number
  endLine?: number
  job?: Job
  step?: Step
  /** Extra identity (secret name, scope…) when one job/step can carry several findings of a rule. */
  key?: string
  message: string
  fix: string
  severity?: Severity
  title?: string
  properties?: Record<string, string | number | boolean>
}

/** Builds a finding; the fingerprint is rule + file + job + step + key, never the line. */
export function report(rule: RuleMeta, ctx: RuleContext, input: FindingInput): Finding {
  const path = ctx.file.path
  return {
    source: SOURCE,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: input.severity ?? rule.severity,
    title: input.title ?? rule.title,
    message: input.message,
    path,
    line: input.line,
    ...(input.endLine !== undefined && input.endLine > input.line && { endLine: input.endLine }),
    fingerprint: fingerprintOf(rule.id, path, input.job?.id, input.step ? stepKey(input.step) : undefined, input.key),
    helpUri: ruleDocsUrl(RULE_SET, rule.id),
    kind: rule.kind,
    fix: input.fix,
    properties: {
      ...(input.job && { job: input.job.id }),
      ...(input.step && { step: input.step.index }),
      ...(input.step?.uses && { uses: input.step.uses.value }),
      ...input.properties
    }
  }
}

/** "job `deploy`, step `Configure AWS`" for messages. */
export function where(job: Job | undefined, step?: Step): string {
  const j = job ? (job.id === 'runs' && !job.name ? 'the composite action' : `job \`${job.id}\``) : 'the workflow'
  if (!step) return j
  return `${j}, step ${step.name ? `\`${step.name}\`` : step.uses ? `\`${step.uses.value.replace(/@[0-9a-f]{40}$/i, '')}\`` : step.index + 1}`
}

/** One step up the scale, capped at critical. */
export function raise(severity: Severity): Severity {
  const up: Record<Severity, Severity> = { info: 'low', low: 'medium', medium: 'high', high: 'critical', critical: 'critical' }
  return up[severity]
}

export function lower(severity: Severity): Severity {
  const down: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'info', info: 'info' }
  return down[severity]
}
