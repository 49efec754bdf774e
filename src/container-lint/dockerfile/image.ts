/** Splits an image reference `[registry/]path[:tag][@digest]` without guessing defaults. */
export interface ImageParts {
  /** Registry host when the first component looks like one (has '.', ':' or is localhost). */
  registry?: string
  /** Repository path without registry, tag or digest, lower-case. */
  repository: string
  tag?: string
  digest?: string
}

export function parseImageRef(ref: string): ImageParts {
  let rest = ref.trim()
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > slash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  let registry: string | undefined
  const first = rest.indexOf('/')
  if (first > 0) {
    const head = rest.slice(0, first)
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head.toLowerCase()
      rest = rest.slice(first + 1)
    }
  }
  const parts: ImageParts = { repository: rest.toLowerCase() }
  if (registry !== undefined) parts.registry = registry
  if (tag !== undefined) parts.tag = tag
  if (digest !== undefined) parts.digest = digest
  return parts
}

/** Last path component of the repository: `library/node` → `node`. */
export function imageBaseName(parts: ImageParts): string {
  const slash = parts.repository.lastIndexOf('/')
  return slash >= 0 ? parts.repository.slice(slash + 1) : parts.repository
}
