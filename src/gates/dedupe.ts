import type { Finding } from '../core/finding.js'
import { severityRank } from '../core/severity.js'

/**
 * What makes two reports "the same finding" across tools: a secret is the
 * same secret when file and line agree (Trivy secret scan + Gitleaks); a
 * vulnerability when advisory, package, version and target agree; anything
 * else when the fingerprint agrees (the same report read twice).
 */
export function dedupeKey(f: Finding): string {
  // join builds each key as one flat string (a Map hashes it right away); same text as a template.
  if (f.kind === 'secret') return ['secret', f.path, String(f.line)].join('\u0000')
  if (f.kind === 'vulnerability' && f.properties?.package !== undefined) {
    // pkgPath: the same package@version installed twice in one image is two findings.
    const p = f.properties
    return ['vuln', f.ruleId, String(p.package), String(p.installedVersion ?? ''), String(p.pkgPath ?? ''), f.path].join('\u0000')
  }
  return ['fp', f.source, f.fingerprint].join('\u0000')
}

/** Merges duplicates: the most severe copy wins and names every source that reported it. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const merged = new Map<string, Finding>()
  for (const f of findings) {
    const key = dedupeKey(f)
    const seen = merged.get(key)
    if (!seen) {
      merged.set(key, f)
      continue
    }
    const sources = new Set([...(seen.sources ?? [seen.source]), ...(f.sources ?? [f.source])])
    const winner = severityRank(f.severity) > severityRank(seen.severity) ? f : seen
    merged.set(key, { ...winner, sources: [...sources].sort() })
  }
  return [...merged.values()]
}
