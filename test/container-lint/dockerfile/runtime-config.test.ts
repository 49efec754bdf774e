import { describe, expect, it } from 'vitest'
import { DOCKERFILE_RULES, lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'
import { hitsOf, linesOf } from './helpers.js'

describe('CL-DF-010 missing-healthcheck', () => {
  it('catches a final image without HEALTHCHECK at its FROM line', () => {
    expect(linesOf('CL-DF-010', ['FROM alpine:3.19 AS b', 'HEALTHCHECK CMD true', 'FROM alpine:3.19', 'USER 1'])).toEqual([3])
  })
  it('accepts HEALTHCHECK NONE and inherited health checks', () => {
    expect(linesOf('CL-DF-010', ['FROM alpine:3.19', 'HEALTHCHECK NONE'])).toEqual([])
    expect(linesOf('CL-DF-010', ['FROM alpine:3.19 AS base', 'HEALTHCHECK CMD ["/hc"]', 'FROM base'])).toEqual([])
  })
})

describe('CL-DF-011 multiple-healthchecks', () => {
  it('catches overridden HEALTHCHECKs in one stage', () => {
    expect(linesOf('CL-DF-011', ['FROM alpine:3.19', 'HEALTHCHECK CMD a', 'HEALTHCHECK CMD b'])).toEqual([2])
  })
  it('does not catch one HEALTHCHECK per stage', () => {
    expect(linesOf('CL-DF-011', ['FROM alpine:3.19 AS a', 'HEALTHCHECK CMD a', 'FROM a', 'HEALTHCHECK CMD b'])).toEqual([])
  })
})

describe('CL-DF-012 multiple-cmd-entrypoint', () => {
  it('catches overridden CMD and ENTRYPOINT', () => {
    expect(linesOf('CL-DF-012', ['FROM alpine:3.19', 'CMD ["a"]', 'ENTRYPOINT ["x"]', 'CMD ["b"]', 'ENTRYPOINT ["y"]'])).toEqual([2, 3])
  })
  it('does not catch one of each per stage, or ONBUILD CMD', () => {
    expect(linesOf('CL-DF-012', ['FROM alpine:3.19 AS a', 'CMD ["a"]', 'FROM alpine:3.19', 'ENTRYPOINT ["x"]', 'CMD ["b"]', 'ONBUILD CMD ["c"]'])).toEqual([])
  })
})

describe('CL-DF-013 shell-form-cmd', () => {
  it('catches shell form, quoted strings and single-quoted arrays', () => {
    expect(linesOf('CL-DF-013', ['FROM alpine:3.19', 'ENTRYPOINT /entry.sh', 'CMD "serve"'])).toEqual([2, 3])
    expect(linesOf('CL-DF-013', ['FROM alpine:3.19', "CMD ['a', 'b']"])).toEqual([2])
  })
  it('catches a shell-form CMD inherited from the parent stage', () => {
    expect(linesOf('CL-DF-013', ['FROM alpine:3.19 AS base', 'CMD serve --port 80', 'FROM base', 'USER 1'])).toEqual([2])
  })
  it('does not catch an overridden shell-form CMD', () => {
    expect(linesOf('CL-DF-013', ['FROM alpine:3.19 AS base', 'CMD serve', 'FROM base', 'CMD ["serve"]'])).toEqual([])
  })
  it('does not catch exec form (also across continuation lines) or builder stages', () => {
    expect(linesOf('CL-DF-013', ['FROM alpine:3.19 AS build', 'CMD make', 'FROM alpine:3.19', 'ENTRYPOINT ["/entry.sh", \\', '  "--flag"]', 'CMD []'])).toEqual([])
  })
})

describe('CL-DF-014 no-init-process (off by default)', () => {
  it('is disabled by default', () => {
    expect(DOCKERFILE_RULES.find((r) => r.id === 'CL-DF-014')?.enabledByDefault).toBe(false)
    const defaults = lintDockerfile('FROM alpine:3.19\nCMD ["node", "server.js"]\n', 'Dockerfile', { isEnabled: (r) => r.enabledByDefault !== false })
    expect(defaults.some((f) => f.ruleId === 'CL-DF-014')).toBe(false)
    expect(hitsOf('CL-DF-014', ['FROM alpine:3.19', 'CMD ["node", "server.js"]']).length).toBe(1)
  })
  it('catches an app as PID 1', () => {
    expect(linesOf('CL-DF-014', ['FROM alpine:3.19', 'ENTRYPOINT ["/app"]', 'CMD ["--port", "80"]'])).toEqual([2])
  })
  it('does not catch tini, dumb-init or an entrypoint inherited that uses one', () => {
    expect(linesOf('CL-DF-014', ['FROM alpine:3.19', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app"]'])).toEqual([])
    expect(linesOf('CL-DF-014', ['FROM alpine:3.19', 'CMD ["dumb-init", "node", "server.js"]'])).toEqual([])
    expect(linesOf('CL-DF-014', ['FROM alpine:3.19 AS base', 'ENTRYPOINT ["catatonit", "--"]', 'FROM base', 'CMD ["/app"]'])).toEqual([])
  })
})
