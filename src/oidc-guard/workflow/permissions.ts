import type { Job, Permissions, WorkflowFile } from './model.js'

export type IdTokenState = 'write' | 'none' | 'unknown'

/** The permissions block that governs a job: its own, else the workflow's, else none written. */
export function governingPermissions(file: WorkflowFile, job: Job): { where: 'job' | 'workflow' | 'default'; perms?: Permissions } {
  if (job.permissions) return { where: 'job', perms: job.permissions }
  if (file.permissions) return { where: 'workflow', perms: file.permissions }
  return { where: 'default' }
}

export function grantsIdToken(perms: Permissions | undefined): boolean {
  if (!perms) return false
  return perms.form === 'write-all' || perms.scopes['id-token']?.value === 'write'
}

/** Scopes granted `write` (write-all counts as every scope). */
export function writeScopes(perms: Permissions | undefined): string[] {
  if (!perms) return []
  if (perms.form === 'write-all') return ['*']
  return Object.entries(perms.scopes)
    .filter(([, level]) => level.value === 'write')
    .map(([scope]) => scope)
}

/**
 * Whether a job can request an ID token. `id-token` is `none` under both
 * default token settings, so no block at all means `none` — except where
 * the caller decides: reusable workflows (`workflow_call`) and composite actions.
 */
export function idTokenState(file: WorkflowFile, job: Job): IdTokenState {
  if (file.kind === 'action') return 'unknown'
  const { where, perms } = governingPermissions(file, job)
  if (perms?.form === 'other') return 'unknown'
  if (where === 'default') return file.triggers.some(t => t.name === 'workflow_call') ? 'unknown' : 'none'
  return grantsIdToken(perms) ? 'write' : 'none'
}

/** The YAML a fix should show: the job's current scopes (or the workflow's it inherits) plus `id-token: write`. */
export function permissionsWithIdToken(file: WorkflowFile, job: Job): string {
  const { perms } = governingPermissions(file, job)
  const scopes: Record<string, string> = {}
  if (perms?.form === 'read-all') scopes.contents = 'read'
  for (const [scope, level] of Object.entries(perms?.scopes ?? {})) scopes[scope] = level.value
  if (!perms) scopes.contents = 'read'
  scopes['id-token'] = 'write'
  const body = Object.entries(scopes)
    .map(([scope, level]) => `      ${scope}: ${level}`)
    .join('\n')
  return `  ${job.id}:\n    permissions:\n${body}`
}
