import picomatch from 'picomatch'
import type { Finding } from '../../core/finding.js'

/**
 * Inline ignores: `# oidc-guard ignore[OG-WF-030] reason` (a colon after
 * `oidc-guard` is accepted too) on the finding's line, inside its span, or on
 * comment-only lines right above it. Visible to reviewers and moves with the code.
 */
export interface InlineIgnore {
  line: number
  ids: string[]
  reason: string
  used: boolean
}

const IGNORE = /#\s*oidc-guard:?\s+ignore\[([^\]]*)\]\s*(.*)$/i

export function parseInlineIgnores(text: string): InlineIgnore[] {
  if (!text.includes('oidc-guard')) return []
  const out: InlineIgnore[] = []
  text.split('\n').forEach((raw, i) => {
    const m = IGNORE.exec(raw)
    if (!m) return
    const ids = m[1]!
      .split(',')
      .map(s => s.trim().toUpperCase())
      .filter(Boolean)
    out.push({ line: i + 1, ids, reason: m[2]!.trim(), used: false })
  })
  return out
}

/** Marks findings covered by an inline ignore as suppressed; returns notices for ignores that matched nothing. */
export function applyInlineIgnores(
  findings: Finding[],
  text: string,
  path: string,
  /** The lines a finding covers (e.g. its whole step); default: its line to its endLine. */
  spanOf: (finding: Finding) => [number, number] = f => [f.line, Math.max(f.line, f.endLine ?? f.line)]
): { findings: Finding[]; notices: string[] } {
  const ignores = parseInlineIgnores(text)
  if (ignores.length === 0) return { findings, notices: [] }
  const lines = text.split('\n')
  const commentOnly = (line: number): boolean => /^\s*#/.test(lines[line - 1] ?? '')
  const out = findings.map(finding => {
    if (finding.suppressed) return finding
    let [first, last] = spanOf(finding)
    while (first > 1 && commentOnly(first - 1)) first--
    const hit = ignores.find(ig => ig.line >= first && ig.line <= last && ig.ids.includes(finding.ruleId))
    if (!hit) return finding
    hit.used = true
    return {
      ...finding,
      suppressed: { reason: hit.reason || '(no reason given)', origin: `inline comment at ${path}:${hit.line}` }
    }
  })
  const notices = ignores
    .filter(ig => !ig.used)
    .map(ig => `${path}:${ig.line}: inline ignore[${ig.ids.join(',')}] matched no finding; remove it so it cannot hide a future one`)
  return { findings: out, notices }
}

/** One `oidc-guard.ignore` entry of the config file. */
export interface ConfigIgnore {
  rule: string
  path?: string
  job?: string
  uses?: string
  reason: string
  /** Where it was written, for messages. */
  origin: string
  used?: boolean
}

export function applyConfigIgnores(findings: Finding[], entries: ConfigIgnore[]): { findings: Finding[]; notices: string[] } {
  if (entries.length === 0) return { findings, notices: [] }
  const compiled = entries.map(entry => ({
    entry,
    rule: glob(entry.rule.toUpperCase()),
    path: entry.path ? glob(entry.path) : () => true,
    uses: entry.uses ? glob(entry.uses) : () => true
  }))
  const out = findings.map(finding => {
    if (finding.suppressed) return finding
    const hit = compiled.find(
      c =>
        c.rule(finding.ruleId) &&
        c.path(finding.path) &&
        (c.entry.job === undefined || c.entry.job === finding.properties?.job) &&
        (c.entry.uses === undefined || c.uses(String(finding.properties?.uses ?? '')))
    )
    if (!hit) return finding
    hit.entry.used = true
    return { ...finding, suppressed: { reason: hit.entry.reason, origin: hit.entry.origin } }
  })
  const notices = entries.filter(e => !e.used).map(e => `${e.origin}: ignore of ${e.rule} matched no finding`)
  return { findings: out, notices }
}

function glob(pattern: string): (value: string) => boolean {
  const m = picomatch(pattern, { dot: true })
  return value => value === pattern || m(value)
}
