/** What a `uses:` value points at. */
export interface UsesRef {
  readonly kind: 'action' | 'reusable' | 'local' | 'docker'
  readonly raw: string
  /** Lower-case `owner/repo` for remote actions and workflows. */
  readonly slug?: string
  readonly owner?: string
  /** Sub-path inside the repository (`snyk/actions/node` → `node`). */
  readonly path?: string
  /** Text after `@` (or the docker tag/digest); undefined when missing. */
  readonly ref?: string
}

const FULL_SHA = /^[0-9a-f]{40}$/i

// The same few hundred `uses:` values recur across a repository's workflows.
const cache = new Map<string, UsesRef>()

export function parseUses(raw: string): UsesRef {
  let ref = cache.get(raw)
  if (!ref) {
    if (cache.size > 5000) cache.clear()
    ref = parse(raw)
    cache.set(raw, ref)
  }
  return ref
}

function parse(raw: string): UsesRef {
  const value = raw.trim()
  if (value.startsWith('./') || value.startsWith('.\\')) return { kind: 'local', raw: value }
  // `$/path`: GitHub's self-repository reference (2026-07) resolves to the exact commit of the
  // file that holds it, so it is as pinned as a full SHA.
  if (value.startsWith('$/')) return { kind: 'local', raw: value }
  if (value.startsWith('docker://')) {
    const image = value.slice('docker://'.length)
    const digest = image.indexOf('@')
    return { kind: 'docker', raw: value, ref: digest >= 0 ? image.slice(digest + 1) : tagOf(image) }
  }
  const at = value.lastIndexOf('@')
  const target = at >= 0 ? value.slice(0, at) : value
  const ref = at >= 0 ? value.slice(at + 1) : undefined
  const parts = target.split('/')
  const owner = (parts[0] ?? '').toLowerCase()
  const repo = (parts[1] ?? '').toLowerCase()
  const path = parts.slice(2).join('/')
  const reusable = /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)
  return {
    kind: reusable ? 'reusable' : 'action',
    raw: value,
    slug: `${owner}/${repo}`,
    owner,
    ...(path && { path }),
    ...(ref !== undefined && { ref })
  }
}

function tagOf(image: string): string | undefined {
  const slash = image.lastIndexOf('/')
  const colon = image.lastIndexOf(':')
  return colon > slash ? image.slice(colon + 1) : undefined
}

/** A full 40-hex commit SHA (actions) or a sha256 digest (docker). */
export function isPinned(ref: UsesRef): boolean {
  if (ref.kind === 'local') return true
  if (ref.kind === 'docker') return /^sha256:[0-9a-f]{64}$/i.test(ref.ref ?? '')
  return FULL_SHA.test(ref.ref ?? '')
}

/** Actions owned by GitHub itself (the spec's first-party set). */
export function isFirstParty(ref: UsesRef): boolean {
  return ref.owner === 'actions' || ref.owner === 'github'
}

/** True when `uses` names the given `owner/repo` (any ref, any sub-path). */
export function usesIs(raw: string | undefined, ...slugs: string[]): boolean {
  if (!raw) return false
  const ref = parseUses(raw)
  return ref.slug !== undefined && slugs.includes(ref.slug)
}
