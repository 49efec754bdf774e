import { describe, expect, it } from 'vitest'
import { hitsOf, linesOf } from './helpers.js'

describe('CL-DF-001 root-user', () => {
  it('catches an explicit root USER in the final image', () => {
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'USER root'])).toEqual([2])
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'USER 0:0'])).toEqual([2])
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'USER root:wheel'])).toEqual([2])
  })
  it('catches root resolved from ARG/ENV', () => {
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'ARG RUNAS=root', 'USER ${RUNAS}'])).toEqual([3])
  })
  it('catches root inherited through FROM <stage>', () => {
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19 AS base', 'USER root', 'FROM base', 'RUN true'])).toEqual([2])
  })
  it('does not catch root that a later USER switches away from', () => {
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'USER root', 'RUN apk add --no-cache curl', 'USER 10001'])).toEqual([])
  })
  it('does not catch root in a builder stage the final image does not descend from', () => {
    expect(linesOf('CL-DF-001', ['FROM golang:1.22 AS build', 'USER root', 'RUN go build -o /app', 'FROM gcr.io/distroless/static:nonroot', 'COPY --from=build /app /app'])).toEqual([])
  })
  it('does not guess an unresolved USER', () => {
    expect(linesOf('CL-DF-001', ['FROM alpine:3.19', 'ARG RUNAS', 'USER $RUNAS'])).toEqual([])
  })
})

describe('CL-DF-002 missing-user', () => {
  it('catches a final image without USER and points at its FROM line', () => {
    expect(linesOf('CL-DF-002', ['FROM alpine:3.19', 'RUN true'])).toEqual([1])
  })
  it('USER in an unrelated earlier stage does not count', () => {
    expect(linesOf('CL-DF-002', ['FROM alpine:3.19 AS build', 'USER 10001', 'FROM alpine:3.19', 'COPY --from=build /a /a'])).toEqual([3])
  })
  it('USER inherited through FROM <stage> counts', () => {
    expect(linesOf('CL-DF-002', ['FROM alpine:3.19 AS base', 'USER 10001', 'FROM base', 'RUN true'])).toEqual([])
  })
  it('does not catch distroless :nonroot bases', () => {
    expect(linesOf('CL-DF-002', ['FROM gcr.io/distroless/static-debian12:nonroot'])).toEqual([])
  })
  it('can be ignored on the FROM line', () => {
    expect(linesOf('CL-DF-002', ['# container-lint ignore=CL-DF-002 -- sidecar needs root', 'FROM alpine:3.19'])).toEqual([])
  })
})

describe('CL-DF-038 user-not-numeric', () => {
  it('catches a named final USER', () => {
    expect(linesOf('CL-DF-038', ['FROM node:20-alpine', 'USER node'])).toEqual([2])
    expect(hitsOf('CL-DF-038', ['FROM node:20-alpine', 'ARG APP=app', 'USER ${APP}:app'])[0]?.message).toContain('"app"')
  })
  it('does not catch numeric or root users, or builder-stage users', () => {
    expect(linesOf('CL-DF-038', ['FROM node:20-alpine', 'USER 1000:1000'])).toEqual([])
    expect(linesOf('CL-DF-038', ['FROM node:20-alpine', 'USER root'])).toEqual([])
    expect(linesOf('CL-DF-038', ['FROM node:20-alpine AS b', 'USER node', 'FROM alpine:3.19', 'USER 10001'])).toEqual([])
  })
})
