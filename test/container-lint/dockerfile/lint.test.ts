import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DOCKERFILE_RULES, isDockerfilePath, lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'
import { SEVERITIES } from '../../../src/core/severity.js'
import { lint } from './helpers.js'

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../src/container-lint/dockerfile/rules')

describe('isDockerfilePath', () => {
  it('accepts the usual Dockerfile names', () => {
    for (const p of ['Dockerfile', 'docker/Dockerfile.prod', 'api.Dockerfile', 'x/web.dockerfile', 'Containerfile', 'Containerfile.dev', 'Dockerfile_alpine', 'a\\b\\Dockerfile']) {
      expect(isDockerfilePath(p), p).toBe(true)
    }
  })
  it('rejects other files', () => {
    for (const p of ['.dockerignore', 'Dockerfile.dockerignore', 'docker-compose.yml', 'README.md', 'dockerfiles/build.sh', 'MyDockerfileNotes.txt', 'Dockerfile.md', 'pkg/dockerfile.go', 'Dockerfile.j2']) {
      expect(isDockerfilePath(p), p).toBe(false)
    }
  })
})

describe('rule registry', () => {
  it('has the catalogue CL-DF-000…042 (plus CL-DF-043 for allowed-registries) in order, one file per rule named <id>-<name>.ts', () => {
    const ids = DOCKERFILE_RULES.map((r) => r.id)
    expect(ids).toEqual(Array.from({ length: 44 }, (_, i) => `CL-DF-${String(i).padStart(3, '0')}`))
    const files = readdirSync(RULES_DIR).filter((f) => f.startsWith('cl-df-')).sort()
    expect(files).toEqual(DOCKERFILE_RULES.map((r) => `${r.id.toLowerCase()}-${r.name}.ts`))
  })
  it('gives every rule complete metadata', () => {
    const names = new Set<string>()
    for (const r of DOCKERFILE_RULES) {
      expect(r.name, r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(names.has(r.name), r.name).toBe(false)
      names.add(r.name)
      expect(SEVERITIES).toContain(r.severity)
      expect(r.title.length, r.id).toBeGreaterThan(10)
      expect(r.rationale.length, r.id).toBeGreaterThan(40)
      expect(r.fix.length, r.id).toBeGreaterThan(10)
      expect(r.anchors, r.id).toBeDefined()
      expect(['misconfiguration', 'secret']).toContain(r.kind)
    }
    expect(DOCKERFILE_RULES.filter((r) => r.enabledByDefault === false).map((r) => r.id)).toEqual(['CL-DF-014', 'CL-DF-024'])
  })
})

describe('findings', () => {
  it('carry source, rule name, help link, fix and the offending line', () => {
    const [f] = lint(['FROM alpine:3.19', 'USER 1', 'MAINTAINER me']).filter((x) => x.ruleId === 'CL-DF-032')
    expect(f).toMatchObject({
      source: 'container-lint',
      ruleName: 'maintainer-deprecated',
      severity: 'low',
      kind: 'misconfiguration',
      path: 'Dockerfile',
      line: 3,
      helpUri: expect.stringMatching(/docs\/rules\/container-lint\.md#cl-df-032$/),
      fix: expect.stringContaining('LABEL')
    })
  })

  it('keep their fingerprint when lines shift, and differ for different instructions', () => {
    const before = lint(['FROM alpine:3.19', 'RUN cd /a && make']).find((f) => f.ruleId === 'CL-DF-026')
    const after = lint(['# new comment', '', 'FROM alpine:3.19', 'RUN    cd /a &&    make']).find((f) => f.ruleId === 'CL-DF-026')
    const other = lint(['FROM alpine:3.19', 'RUN cd /b && make']).find((f) => f.ruleId === 'CL-DF-026')
    expect(after?.line).toBe(4)
    expect(after?.fingerprint).toBe(before?.fingerprint)
    expect(other?.fingerprint).not.toBe(before?.fingerprint)
  })

  it('span the whole continued instruction (endLine)', () => {
    const f = lint(['FROM alpine:3.19', 'RUN cd /x \\', '  && make \\', '  && make install']).find((x) => x.ruleId === 'CL-DF-026')
    expect([f?.line, f?.endLine]).toEqual([2, 4])
  })

  it('are reported in line order', () => {
    const lines = lint(['FROM ubuntu:latest', 'RUN cd /x', 'USER root', 'EXPOSE 99999']).map((f) => f.line)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })
})

describe('inline and global ignores', () => {
  const file = [
    'FROM alpine:3.19',
    '# container-lint ignore=CL-DF-008 -- vendored archive without extension',
    'ADD vendor.bin /opt/',
    'ADD other.bin /opt/',
    '# container-lint ignore=CL-DF-026',
    '',
    'RUN cd /x',
    '# container-lint global ignore=CL-DF-010,CL-DF-002 -- probes live in the Helm chart',
    'MAINTAINER me'
  ]
  it('mark matching findings as suppressed with the reason', () => {
    const add = lint(file).filter((f) => f.ruleId === 'CL-DF-008')
    expect(add.map((f) => [f.line, f.suppressed])).toEqual([
      [3, { reason: 'vendored archive without extension', origin: 'inline' }],
      [4, undefined]
    ])
  })
  it('apply only to the instruction directly below (no blank line in between)', () => {
    expect(lint(file).find((f) => f.ruleId === 'CL-DF-026')?.suppressed).toBeUndefined()
  })
  it('apply global ignores to the whole file, including missing-X findings', () => {
    const findings = lint(file)
    expect(findings.find((f) => f.ruleId === 'CL-DF-010')?.suppressed?.reason).toBe('probes live in the Helm chart')
    expect(findings.find((f) => f.ruleId === 'CL-DF-002')?.suppressed?.origin).toBe('inline')
    expect(findings.find((f) => f.ruleId === 'CL-DF-032')?.suppressed).toBeUndefined()
  })
  it('honour hadolint pragmas through the rule anchors', () => {
    const findings = lint(['FROM debian:12', '# hadolint ignore=DL3003,DL3014', 'RUN cd /x && apt-get install curl', 'RUN cd /y'])
    const cd = findings.filter((f) => f.ruleId === 'CL-DF-026')
    expect(cd.map((f) => [f.line, f.suppressed?.reason])).toEqual([
      [3, 'hadolint ignore pragma'],
      [4, undefined]
    ])
    expect(findings.find((f) => f.ruleId === 'CL-DF-015')?.suppressed?.origin).toBe('inline')
    expect(findings.find((f) => f.ruleId === 'CL-DF-016')?.suppressed).toBeUndefined()
  })
  it('accept an ignore without a reason but say so', () => {
    const f = lint(['FROM alpine:3.19', '# container-lint ignore=CL-DF-032', 'MAINTAINER me']).find((x) => x.ruleId === 'CL-DF-032')
    expect(f?.suppressed?.reason).toMatch(/no reason/)
  })
  it('let a missing-USER finding be ignored on the final FROM line', () => {
    const f = lint(['FROM golang:1.22 AS b', '# container-lint ignore=CL-DF-002 -- init container needs root', 'FROM alpine:3.19']).find((x) => x.ruleId === 'CL-DF-002')
    expect(f?.line).toBe(3)
    expect(f?.suppressed?.reason).toBe('init container needs root')
  })
})

describe('CL-DF-000 parse-error', () => {
  const parseErrors = (text: string) => lintDockerfile(text, 'Dockerfile', { isEnabled: () => true }).filter((f) => f.ruleId === 'CL-DF-000')

  it('reports an unknown instruction from a broken continuation and keeps linting the rest', () => {
    const findings = lintDockerfile('FROM alpine:3.19\nRUN apk add curl &&\n    apk add git\nUSER root\n', 'Dockerfile', { isEnabled: () => true })
    expect(findings.filter((f) => f.ruleId === 'CL-DF-000').map((f) => [f.line, f.severity])).toEqual([[3, 'high']])
    expect(findings.some((f) => f.ruleId === 'CL-DF-001')).toBe(true)
  })
  it('reports empty files, files without FROM and binary content', () => {
    expect(parseErrors('')[0]?.message).toMatch(/no instructions/)
    expect(parseErrors('# just a comment\n')[0]?.message).toMatch(/no instructions/)
    expect(parseErrors('RUN echo hi\n')[0]?.message).toMatch(/no FROM/)
    expect(parseErrors('FROM a\u0000\u0001\n')[0]?.message).toMatch(/binary/)
    expect(parseErrors('FROM\n')[0]?.message).toMatch(/FROM expects/)
    expect(parseErrors('FROM alpine:3.19\nADD\nCOPY onlyone\nRUN --mount=type=cache,target=/x\n').map((f) => f.line)).toEqual([2, 3, 4])
  })
  it('reports an unterminated heredoc', () => {
    expect(parseErrors('FROM alpine:3.19\nRUN <<EOF\necho hi\n').map((f) => f.line)).toEqual([2])
  })
  it('turns a failing rule into a finding instead of an exception', () => {
    const options = { isEnabled: () => true, minimalBaseImages: [42 as unknown as string] }
    const findings = lintDockerfile('FROM ubuntu:24.04\nUSER 1\n', 'Dockerfile', options)
    expect(findings.find((f) => f.ruleId === 'CL-DF-000')?.message).toMatch(/CL-DF-036/)
    expect(findings.some((f) => f.ruleId === 'CL-DF-005')).toBe(true)
  })
  it('does not report valid files', () => {
    expect(parseErrors('# syntax=docker/dockerfile:1\nFROM alpine:3.19\nRUN <<EOF\necho hi\nEOF\nCMD ["sh"]\n')).toEqual([])
  })
})

describe('the hardened example from the deployment-security guide', () => {
  const hardened = [
    'FROM node:20.11-alpine3.19',
    'RUN addgroup -g 1001 -S nodejs && \\',
    'adduser -S nodejs -u 1001',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci --only=production',
    'COPY --chown=nodejs:nodejs . .',
    'USER nodejs',
    'EXPOSE 3000',
    'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\',
    'CMD wget --no-verbose --tries=1 --spider http://localhost:3000/health || exit 1',
    'CMD ["dumb-init", "node", "server.js"]'
  ]
  it('has no high or medium findings; only the digest pin and the named USER remain', () => {
    const findings = lint(hardened)
    expect(findings.filter((f) => f.severity === 'high' || f.severity === 'medium')).toEqual([])
    expect(findings.map((f) => f.ruleId)).toEqual(['CL-DF-005', 'CL-DF-038'])
  })
})
