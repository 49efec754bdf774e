import { imageBaseName } from '../image.js'
import type { DockerfileRule } from '../types.js'

/** Full distributions and full language images (their slim/alpine variants are fine). */
const FULL_IMAGES = new Set([
  'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'opensuse', 'leap',
  'tumbleweed', 'buildpack-deps', 'node', 'python', 'golang', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ruby', 'php', 'rust',
  'maven', 'gradle', 'perl', 'elixir', 'erlang', 'haskell', 'swift', 'ubi8', 'ubi9', 'ubi', 'sdk', 'gcc', 'mono'
])
const MINIMAL_HINT = /(?:^|[-_.])(?:slim|alpine|minimal|micro|chiseled|distroless|nanoserver|busybox|static|jre-alpine)(?:$|[-_.\d])/i
const MINIMAL_REPO = /(?:^|\/)(?:distroless|chainguard|wolfi|ubi-minimal|ubi-micro|ubi\d+-minimal|ubi\d+-micro|alpine|busybox|static)(?:\/|$)/i

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i')
}

export const rule: DockerfileRule = {
  id: 'CL-DF-036',
  name: 'non-minimal-base-image',
  title: 'Final image uses a full distribution base',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'Full distribution and full language images (ubuntu, debian, node, python, golang…) carry shells, package managers and hundreds of packages the app never uses — each a CVE to triage. scratch, distroless, chiseled, alpine, *-slim, ubi-minimal/micro and Chainguard images are accepted, plus any pattern in `minimalBaseImages`. Only the final image’s root base is judged.',
  fix: 'Build in a full image and copy the artifact into a minimal one (`FROM gcr.io/distroless/nodejs20-debian12`, `python:3.12-slim`, `alpine`), or list your approved base in `minimalBaseImages`.',
  anchors: { dockle: 'CIS-DI-0003 (not automated)' },
  check(model, options) {
    const root = model.runtime[model.runtime.length - 1]
    const final = model.final
    if (root === undefined || final === undefined) return []
    const parts = root.base.parts
    const ref = root.base.resolved
    if (parts === undefined || ref === undefined) return []
    if ((options.minimalBaseImages ?? []).some((p) => wildcard(p).test(ref) || wildcard(p).test(ref.replace(/[:@].*$/, '')))) return []
    const name = imageBaseName(parts)
    if (!FULL_IMAGES.has(name) || MINIMAL_REPO.test(parts.repository) || MINIMAL_HINT.test(parts.tag ?? '')) return []
    return [{ line: root.from.line, message: `The final image is built on "${ref}", a full ${name} image.` }]
  }
}
