import { describe, expect, it } from 'vitest'
import { lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'
import { linesOf } from './helpers.js'

describe('CL-DF-003 latest-tag', () => {
  it('catches :latest, also through an ARG default', () => {
    expect(linesOf('CL-DF-003', ['FROM ubuntu:latest'])).toEqual([1])
    expect(linesOf('CL-DF-003', ['ARG TAG=latest', 'FROM node:${TAG}'])).toEqual([2])
  })
  it('does not catch pinned tags, digests or unresolved variables', () => {
    expect(linesOf('CL-DF-003', ['FROM ubuntu:24.04'])).toEqual([])
    expect(linesOf('CL-DF-003', ['FROM ubuntu:latest@sha256:' + 'a'.repeat(64)])).toEqual([])
    expect(linesOf('CL-DF-003', ['ARG TAG', 'FROM node:${TAG}'])).toEqual([])
  })
})

describe('CL-DF-004 untagged-base-image', () => {
  it('catches an image without tag or digest', () => {
    expect(linesOf('CL-DF-004', ['FROM ubuntu'])).toEqual([1])
    expect(linesOf('CL-DF-004', ['FROM registry.example.com:5000/team/app AS x'])).toEqual([1])
    expect(linesOf('CL-DF-004', ['ARG BASE=debian', 'FROM $BASE'])).toEqual([2])
  })
  it('does not catch scratch, stage aliases, or stages reached via ARGs', () => {
    expect(linesOf('CL-DF-004', ['FROM scratch'])).toEqual([])
    expect(linesOf('CL-DF-004', ['FROM alpine:3.19 AS base', 'FROM base'])).toEqual([])
    expect(linesOf('CL-DF-004', ['ARG SRC=base', 'FROM alpine:3.19 AS base', 'FROM ${SRC}'])).toEqual([])
    expect(linesOf('CL-DF-004', ['FROM alpine:3.19 AS build-linux', 'FROM build-$TARGETOS'])).toEqual([])
    expect(linesOf('CL-DF-004', ['ARG BASE=node:20@sha256:' + 'b'.repeat(64), 'FROM ${BASE}'])).toEqual([])
  })
})

describe('CL-DF-005 unpinned-base-digest', () => {
  it('catches tag-only references', () => {
    expect(linesOf('CL-DF-005', ['FROM golang:1.22 AS b', 'FROM alpine:3.19'])).toEqual([1, 2])
  })
  it('does not catch digests, scratch or stage references', () => {
    expect(linesOf('CL-DF-005', ['FROM alpine:3.19@sha256:' + 'c'.repeat(64) + ' AS base', 'FROM base', 'FROM scratch'])).toEqual([])
  })
})

describe('CL-DF-036 non-minimal-base-image', () => {
  it('catches a full distribution or language image as the final base', () => {
    expect(linesOf('CL-DF-036', ['FROM ubuntu:24.04'])).toEqual([1])
    expect(linesOf('CL-DF-036', ['FROM python:3.12', 'RUN true'])).toEqual([1])
    expect(linesOf('CL-DF-036', ['FROM node:20 AS base', 'FROM base'])).toEqual([1])
  })
  it('does not catch minimal bases, builder stages or configured images', () => {
    expect(linesOf('CL-DF-036', ['FROM python:3.12-slim'])).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM node:20-alpine3.19'])).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static-debian12'])).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4'])).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled'])).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM ubuntu:24.04'], { minimalBaseImages: ['ubuntu:*'] })).toEqual([])
    expect(linesOf('CL-DF-036', ['FROM scratch'])).toEqual([])
  })
})

describe('CL-DF-043 untrusted-registry', () => {
  const lines = (text: string[], allowedRegistries?: string[]) =>
    lintDockerfile(text.join('\n') + '\n', 'Dockerfile', { isEnabled: () => true, ...(allowedRegistries && { allowedRegistries }) })
      .filter((f) => f.ruleId === 'CL-DF-043')
      .map((f) => f.line)
  const file = ['FROM golang:1.22 AS build', 'FROM ghcr.io/org/base:1 AS base', 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', 'FROM base', 'FROM scratch']
  it('does nothing until allowed-registries is configured', () => {
    expect(lines(file)).toEqual([])
  })
  it('catches bases from registries outside the allowlist, builder stages included', () => {
    expect(lines(file, ['ghcr.io/org'])).toEqual([1, 3])
    expect(lines(file, ['docker.io', '*.dkr.ecr.*.amazonaws.com'])).toEqual([2])
    expect(lines(file, ['docker.io/library', 'ghcr.io', '*.amazonaws.com'])).toEqual([])
  })
})
