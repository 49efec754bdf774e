/** Finding and naming secrets referenced by expressions. */

export interface SecretRef {
  name: string
  /** The text matched, for locating its line. */
  text: string
}

const REF = /\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\bsecrets\s*\[\s*['"]([^'"]+)['"]\s*\]|\bgithub\s*\.\s*token\b/g

/** Every `secrets.NAME` / `secrets['NAME']` / `github.token` (as GITHUB_TOKEN) in a text. */
export function secretRefs(text: string): SecretRef[] {
  if (!text.includes('secrets') && !text.includes('token')) return []
  const out: SecretRef[] = []
  for (const m of text.matchAll(REF)) {
    const name = m[1] ?? m[2] ?? 'GITHUB_TOKEN'
    out.push({ name: name.toUpperCase() === 'GITHUB_TOKEN' ? 'GITHUB_TOKEN' : name, text: m[0] })
  }
  return out
}

export function isGithubToken(name: string): boolean {
  return name === 'GITHUB_TOKEN'
}

/** Secret or variable names people give personal access tokens (spec OG-WF-004). */
export function looksLikePat(name: string): boolean {
  return /(^|_)PAT($|_)|PERSONAL_ACCESS_TOKEN/i.test(name)
}

/** A literal that is clearly a stand-in, not a credential (documentation examples, placeholders). */
export function isPlaceholder(value: string): boolean {
  return /EXAMPLE|x{6,}|changeme|placeholder|dummy|<[^>]+>|\*{3,}/i.test(value)
}

/** True when the whole value is (or contains) an expression, i.e. not a literal. */
export function hasExpression(value: string): boolean {
  return value.includes('${{')
}
