import { describe, expect, it } from 'vitest'
import { DOCKERFILE_RULES } from '../../../src/container-lint/dockerfile/lint.js'
import { hitsOf, linesOf } from './helpers.js'

describe('CL-DF-020 apk-no-cache', () => {
  it('catches apk add without --no-cache in the runtime image', () => {
    expect(linesOf('CL-DF-020', ['FROM alpine:3.19', 'RUN apk add curl', 'RUN apk update && apk add --virtual .deps gcc'])).toEqual([2, 3])
  })
  it('does not catch --no-cache, cache mounts, rm of the cache, or builder stages', () => {
    expect(
      linesOf('CL-DF-020', [
        'FROM alpine:3.19 AS b',
        'RUN apk add gcc',
        'FROM alpine:3.19',
        'RUN apk add --no-cache curl',
        'RUN --mount=type=cache,target=/var/cache/apk apk add curl',
        'RUN apk add curl && rm -rf /var/cache/apk/*'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-021 rpm-package-hygiene', () => {
  it('catches missing -y and missing clean all', () => {
    const hits = hitsOf('CL-DF-021', ['FROM fedora:40', 'RUN dnf install httpd', 'RUN yum install -y httpd', 'RUN zypper install nginx && zypper clean'])
    expect(hits.map((h) => h.line)).toEqual([2, 2, 3, 4])
    expect(hits[0]?.message).toContain('-y')
    expect(hits[1]?.message).toContain('clean all')
  })
  it('does not catch -y with clean all, zypper -n with clean, microdnf, or builder-stage caches', () => {
    expect(
      linesOf('CL-DF-021', [
        'FROM fedora:40 AS build',
        'RUN dnf install -y gcc',
        'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4',
        'RUN microdnf install shadow-utils && microdnf clean all',
        'RUN dnf --assumeyes install httpd && dnf clean all',
        'RUN zypper -n install nginx && zypper clean -a',
        'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-022 pip-no-cache-dir', () => {
  it('catches pip install without --no-cache-dir in stages that feed the final image', () => {
    expect(linesOf('CL-DF-022', ['FROM python:3.12-slim', 'RUN pip install -r requirements.txt', 'RUN python3 -m pip install flask'])).toEqual([2, 3])
  })
  it('does not catch --no-cache-dir, PIP_NO_CACHE_DIR, cache mounts or builder stages', () => {
    expect(
      linesOf('CL-DF-022', [
        'FROM python:3.12 AS build',
        'RUN pip install wheel',
        'FROM python:3.12-slim',
        'RUN pip install --no-cache-dir flask',
        'RUN --mount=type=cache,target=/root/.cache/pip pip install flask',
        'ENV PIP_NO_CACHE_DIR=1',
        'RUN pip install gunicorn'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-023 npm-install-not-ci', () => {
  it('catches bare npm install, npm ci with dev deps in the runtime image, and yarn without cache clean', () => {
    expect(linesOf('CL-DF-023', ['FROM node:20-alpine', 'RUN npm install', 'RUN npm ci', 'RUN yarn install --frozen-lockfile'])).toEqual([2, 3, 4])
  })
  it('does not catch npm ci in a builder, --omit=dev, NODE_ENV=production, global tools or cleaned yarn', () => {
    expect(
      linesOf('CL-DF-023', [
        'FROM node:20 AS build',
        'RUN npm ci && npm run build',
        'FROM node:20-alpine',
        'RUN npm ci --omit=dev',
        'RUN npm install -g pnpm@9',
        'RUN yarn install --production && yarn cache clean',
        'FROM node:20-alpine',
        'ENV NODE_ENV=production',
        'RUN npm ci'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-024 unpinned-packages (off by default)', () => {
  it('is disabled by default', () => {
    expect(DOCKERFILE_RULES.find((r) => r.id === 'CL-DF-024')?.enabledByDefault).toBe(false)
  })
  it('catches unpinned apt, apk, pip, npm, gem and go installs', () => {
    const hits = hitsOf('CL-DF-024', [
      'FROM debian:12',
      'RUN apt-get install -y curl=8.5.0-2 git',
      'RUN apk add --no-cache -t .deps curl',
      'RUN pip install flask==3.0.2 requests',
      'RUN npm install -g typescript',
      'RUN gem install bundler',
      'RUN go install golang.org/x/tools/gopls@latest'
    ])
    expect(hits.map((h) => h.line)).toEqual([2, 3, 4, 5, 6, 7])
    expect(hits[0]?.message).toContain('git')
    expect(hits[0]?.message).not.toContain('curl')
    expect(hits[1]?.message).not.toContain('.deps')
  })
  it('does not catch pinned versions, local files or requirement files', () => {
    expect(
      linesOf('CL-DF-024', [
        'FROM debian:12',
        'RUN apt-get install -y -t bookworm-backports curl=8.5.0-2 ./local.deb',
        'RUN apk add curl=8.5.0-r0',
        'RUN pip install -r requirements.txt . flask~=3.0',
        'RUN npm install -g @scope/tool@1.2.3',
        'RUN gem install bundler -v 2.5.0',
        'RUN go install golang.org/x/tools/gopls@v0.15.0'
      ])
    ).toEqual([])
  })
})
