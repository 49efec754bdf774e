import type { Finding } from '../../../src/core/finding.js'
import { lintManifestTexts } from '../../../src/container-lint/k8s/lint.js'

/** Lints YAML texts with every rule enabled (off-by-default ones too). */
export function lintAll(...texts: string[]): Finding[] {
  return lintManifestTexts(
    texts.map((text, i) => ({ path: `m${i}.yaml`, text })),
    { isEnabled: () => true }
  ).findings
}

export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter(f => f.ruleId === ruleId)
}

/** 1-based lines carrying a `#<` marker: where a test expects a finding. */
export function markedLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes('#<') ? [i + 1] : []))
}
