import type { DockerfileRule, RuleHit } from '../types.js'

function matcher(entry: string): (candidate: string, registry: string) => boolean {
  const e = entry.trim().toLowerCase().replace(/\/+$/, '')
  if (e.includes('*')) {
    const re = new RegExp(`^${e.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(?:/.*)?$`)
    return (candidate) => re.test(candidate)
  }
  return (candidate, registry) => registry === e || candidate === e || candidate.startsWith(e + '/')
}

export const rule: DockerfileRule = {
  id: 'CL-DF-043',
  name: 'untrusted-registry',
  title: 'Base image from a registry outside the allowlist',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'When `allowed-registries` is configured, every base image (builder stages too: they run code during the build) must come from one of them; images from elsewhere bypass your mirror, scanning and provenance controls. Images without a registry count as docker.io. Does nothing until the allowlist is set.',
  fix: 'Pull the base through an approved registry or mirror (e.g. `FROM registry.example.com/dockerhub/library/node:20`), or add the registry to `allowed-registries`.',
  anchors: { hadolint: 'DL3026' },
  check(model, options) {
    const allowed = options.allowedRegistries
    if (allowed === undefined || allowed.length === 0) return []
    const matchers = allowed.map(matcher)
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const parts = stage.base.parts
      if (parts === undefined || parts.repository === '') continue
      const registry = parts.registry ?? 'docker.io'
      const candidate = `${registry}/${parts.repository}`
      const official = parts.registry === undefined && !parts.repository.includes('/') ? `docker.io/library/${parts.repository}` : candidate
      if (matchers.some((m) => m(candidate, registry) || m(official, registry))) continue
      hits.push({ line: stage.from.line, message: `Base image "${stage.base.resolved ?? stage.base.raw}" comes from ${registry}, which is not in allowed-registries.` })
    }
    return hits
  }
}
