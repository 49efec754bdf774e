import { describe, expect, it } from 'vitest'
import { hitsOf, linesOf } from './helpers.js'

describe('CL-DF-006 secret-in-env-arg', () => {
  it('catches baked-in secrets as high and bare ARGs as medium', () => {
    const hits = hitsOf('CL-DF-006', ['FROM alpine:3.19', 'ENV DB_PASSWORD=hunter2', 'ARG NPM_TOKEN', 'ARG AWS_SECRET_ACCESS_KEY=abc', 'ENV API_KEY supersecret'])
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [2, 'high'],
      [3, 'medium'],
      [4, 'high'],
      [5, 'high']
    ])
    expect(hits.every((h) => h.kind === 'secret')).toBe(true)
    expect(hits.map((h) => h.message).join()).not.toContain('hunter2')
  })
  it('catches secrets in global ARGs before FROM', () => {
    expect(linesOf('CL-DF-006', ['ARG GITHUB_TOKEN', 'FROM alpine:3.19'])).toEqual([1])
  })
  it('does not catch public or pointer-like names', () => {
    expect(linesOf('CL-DF-006', ['FROM python:3.12-slim', 'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'ENV PASSWORD_FILE=/run/secrets/db', 'ENV TOKENIZERS_PARALLELISM=false', 'ARG PUBLIC_KEY_URL=https://x'])).toEqual([])
  })
})

describe('CL-DF-007 secret-file-copied', () => {
  it('catches secret files copied into the image', () => {
    expect(linesOf('CL-DF-007', ['FROM alpine:3.19', 'COPY .env /app/.env', 'COPY id_rsa /root/.ssh/', 'ADD config/.npmrc /root/', 'COPY server.key tls/', 'COPY kubeconfig /k'])).toEqual([2, 3, 4, 5, 6])
  })
  it('catches a heredoc written to a secret path', () => {
    expect(linesOf('CL-DF-007', ['FROM alpine:3.19', 'COPY <<EOF /root/.netrc', 'machine x login y password z', 'EOF'])).toEqual([2])
  })
  it('reports builder-stage copies as medium', () => {
    expect(hitsOf('CL-DF-007', ['FROM node:20 AS build', 'COPY .npmrc ./', 'FROM node:20-alpine', 'USER 1'])[0]?.severity).toBe('medium')
  })
  it('does not catch public keys, certificates or example env files', () => {
    expect(linesOf('CL-DF-007', ['FROM alpine:3.19', 'COPY id_rsa.pub /k/', 'COPY ca.pem /usr/local/share/ca-certificates/', 'COPY .env.example /app/', 'COPY . /app'])).toEqual([])
  })
})
