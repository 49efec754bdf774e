import { lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'
import type { Finding } from '../../../src/core/finding.js'

const ALL = { isEnabled: () => true }

/** Lints a snippet (lines joined with \n) with every rule enabled. */
export function lint(lines: string[] | string, options: { minimalBaseImages?: string[] } = {}): Finding[] {
  const text = Array.isArray(lines) ? lines.join('\n') + '\n' : lines
  return lintDockerfile(text, 'Dockerfile', { ...ALL, ...options })
}

/** Unsuppressed findings of one rule. */
export function hitsOf(ruleId: string, lines: string[] | string, options: { minimalBaseImages?: string[] } = {}): Finding[] {
  return lint(lines, options).filter((f) => f.ruleId === ruleId && f.suppressed === undefined)
}

/** Lines reported by one rule. */
export function linesOf(ruleId: string, lines: string[] | string, options: { minimalBaseImages?: string[] } = {}): number[] {
  return hitsOf(ruleId, lines, options).map((f) => f.line)
}
