import type { Job, Step, Trigger, WorkflowFile } from './model.js'
import { parseUses, usesIs } from './uses.js'

/**
 * Triggers that run with the base repository's secrets and a write-capable
 * token while people outside the project control part of the input.
 */
export const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const

export function privilegedTriggers(file: WorkflowFile): Trigger[] {
  return file.triggers.filter(t => (PRIVILEGED_TRIGGERS as readonly string[]).includes(t.name))
}

/**
 * Privileged triggers that can actually start this job. A job condition such
 * as `if: github.event_name == 'push'` that names only other events excludes
 * them (cheap, conservative: any mention of a privileged event keeps it).
 */
export function privilegedTriggersOfJob(file: WorkflowFile, job: Job): Trigger[] {
  const triggers = privilegedTriggers(file)
  if (triggers.length === 0 || !job.if) return triggers
  const cond = job.if
  const equals = [...cond.matchAll(/github\.event_name\s*==\s*['"]([a-z_]+)['"]/g)].map(m => m[1]!)
  if (equals.length === 0 || /!=|\|\||\bcontains\(/.test(cond)) return triggers
  return triggers.filter(t => equals.includes(t.name))
}

/** Expressions that name the pull request's head (fork-controlled code). */
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)/
const PR_HEAD_REPO = /github\.event\.pull_request\.head\.repo\.full_name|github\.event\.workflow_run\.head_repository\.full_name/
const RUN_FETCH = /\bgh\s+pr\s+checkout\b|\bgit\s+(fetch|pull)\b[^\n]*\bpull\/|\bgit\s+(checkout|switch)\b[^\n]*(head_ref|head\.ref|head\.sha|head_sha)|\bhub\s+pr\s+checkout\b/

export interface PrCheckout {
  step: Step
  line: number
  /** How the PR code is fetched, for the message. */
  how: string
  /** `actions/checkout` on a floating major tag that carries the 2026 fork-checkout guard. */
  guarded: boolean
}

/** The first step that fetches pull-request code, if any. */
export function findPrCheckout(file: WorkflowFile, job: Job, triggers: Trigger[]): PrCheckout | undefined {
  for (const step of job.steps) {
    if (step.uses && usesIs(step.uses.value, 'actions/checkout')) {
      const ref = step.with.ref
      const repo = step.with.repository
      const hit = ref && PR_HEAD_REF.test(ref.value) ? ref : repo && PR_HEAD_REPO.test(repo.value) ? repo : undefined
      if (!hit) continue
      return { step, line: hit.line, how: `actions/checkout with ${hit === ref ? 'ref' : 'repository'}: ${hit.value.trim()}`, guarded: checkoutGuarded(step, triggers) }
    }
    if (step.run) {
      const m = RUN_FETCH.exec(step.run.value)
      if (m) return { step, line: file.lineOfText(step.node, m[0]), how: `\`${m[0].trim().slice(0, 60)}\``, guarded: false }
    }
  }
  return undefined
}

/**
 * Since mid-2026 actions/checkout (v7, backported to v4–v6 tags) refuses fork
 * PR code under pull_request_target / workflow_run unless
 * `allow-unsafe-pr-checkout: true`. SHA pins may predate the guard and
 * issue_comment is not covered, so only floating major tags count.
 */
function checkoutGuarded(step: Step, triggers: Trigger[]): boolean {
  const ref = parseUses(step.uses!.value).ref ?? ''
  const floating = /^v[4-7](\.\d+)?$/.test(ref) && !/^v[4-7]\.\d+\.\d+$/.test(ref)
  const unsafe = step.with['allow-unsafe-pr-checkout']?.value.trim() ?? ''
  const optedOut = unsafe !== '' && unsafe !== 'false'
  const coveredTriggers = triggers.every(t => t.name === 'pull_request_target' || t.name === 'workflow_run')
  return floating && !optedOut && coveredTriggers
}

/** Steps after `from` that execute code from the working tree (scripts, local actions, build tools). */
export function executesCodeAfter(job: Job, from: Step): Step | undefined {
  return job.steps.find(s => s.index > from.index && (s.run !== undefined || (s.uses !== undefined && parseUses(s.uses.value).kind === 'local') || buildAction(s)))
}

function buildAction(step: Step): boolean {
  return usesIs(step.uses?.value, 'docker/build-push-action', 'gradle/gradle-build-action', 'gradle/actions', 'github/codeql-action') && !!step.uses
}

/** A job-level condition that limits the job to same-repository pull requests. */
export function sameRepoGuard(job: Job): boolean {
  return /head\.repo\.full_name\s*==\s*github\.repository|github\.repository\s*==\s*github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork/.test(job.if ?? '')
}
