import type { MigrationSet } from '../migrations/discover.js'

const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("[^"]+"|[\w-]+)/gi

/** Extension names the migrations create, so PGlite can load the contrib bundles up front. */
export function extensionsUsed(set: MigrationSet): string[] {
  const names = new Set<string>()
  for (const m of set.migrations) {
    for (const part of [m.up, m.down]) {
      for (const match of part?.sql.matchAll(CREATE_EXTENSION) ?? []) {
        const raw = match[1] ?? ''
        names.add(raw.startsWith('"') ? raw.slice(1, -1) : raw.toLowerCase())
      }
    }
  }
  return [...names].sort()
}
