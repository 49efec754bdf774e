import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'

export const ROOT = join(import.meta.dirname, '../..')

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === '.git' || name === 'build' || name === '.tmp') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, out)
    else out.push(path)
  }
  return out
}

/** Workflows of the repository and of its examples (not test fixtures, which are bad on purpose). */
export function workflowFiles(): string[] {
  return walk(ROOT)
    .filter(p => /\/\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || /\/examples\/workflows\/[^/]+\.ya?ml$/.test(p))
    .filter(p => !relative(ROOT, p).startsWith('test/'))
    .map(p => relative(ROOT, p))
    .sort()
}

/** Action metadata files: the root action and actions/<name>/action.yml. */
export function actionFiles(): string[] {
  return ['action.yml', ...readdirSync(join(ROOT, 'actions')).map(name => `actions/${name}/action.yml`)]
}

export function load(path: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>
}

export interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}

/** Every step of a workflow's jobs or of a composite action. */
export function stepsOf(doc: Record<string, unknown>): Step[] {
  const jobs = (doc.jobs ?? {}) as Record<string, { steps?: Step[] }>
  const composite = ((doc.runs as { steps?: Step[] } | undefined)?.steps ?? []) as Step[]
  return [...Object.values(jobs).flatMap(j => j.steps ?? []), ...composite]
}

/** `uses:` of jobs that call reusable workflows. */
export function jobUses(doc: Record<string, unknown>): string[] {
  const jobs = (doc.jobs ?? {}) as Record<string, { uses?: string }>
  return Object.values(jobs).flatMap(j => (j.uses ? [j.uses] : []))
}
