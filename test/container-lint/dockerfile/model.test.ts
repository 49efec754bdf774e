import { describe, expect, it } from 'vitest'
import { buildModel, effective, resolveVars, runScript, userOf } from '../../../src/container-lint/dockerfile/model.js'

const df = (...lines: string[]) => buildModel(lines.join('\n') + '\n')

describe('parser directives and line continuations', () => {
  it('honours # escape=` so backslashes in Windows paths are literal', () => {
    const m = df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir C:\\ && `', '    echo done', 'WORKDIR C:\\app\\')
    expect(m.escape).toBe('`')
    const run = m.instructions[1]
    expect(run?.keyword).toBe('RUN')
    expect(run?.endLine).toBe(4)
    expect(run?.args).toContain('echo done')
    expect(m.instructions[2]?.keyword).toBe('WORKDIR')
    expect(m.problems).toEqual([])
  })

  it('a directive-looking comment after an instruction is just a comment', () => {
    const m = df('FROM alpine:3.19', '# escape=`', 'RUN echo a \\', '  b')
    expect(m.escape).toBe('\\')
    expect(m.instructions[1]?.args.trim()).toBe('echo a   b')
  })

  it('drops comment lines inside a continued instruction and reports the first line', () => {
    const m = df('FROM debian:12', 'RUN apt-get update && \\', '    # install tools', '    apt-get install -y curl', 'USER 1000')
    const run = m.instructions[1]
    expect(run?.line).toBe(2)
    expect(run?.endLine).toBe(4)
    expect(run?.args).not.toContain('#')
    expect(runScript(run!).commands.map((c) => c.argv.join(' '))).toEqual(['apt-get update', 'apt-get install -y curl'])
    expect(m.instructions[2]?.keyword).toBe('USER')
  })

  it('accepts trailing blanks after the continuation character', () => {
    const m = df('FROM alpine:3.19', 'RUN echo a \\   ', '  b', 'USER 1')
    expect(m.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 3],
      ['USER', 4, 4]
    ])
  })

  it('reads legacy ENV, multi-name ARG and quoted values', () => {
    const m = df('ARG A B=2', 'FROM alpine:3.19', 'ARG A', 'ARG B', 'ENV LEGACY some value', 'ENV Q="x y" R=$B', 'USER $R')
    const scope = m.final?.instructions[4]?.scope
    expect(scope?.get('LEGACY')).toBe('some value')
    expect(scope?.get('Q')).toBe('x y')
    expect(scope?.get('R')).toBe('2')
    expect(scope?.has('A')).toBe(true)
    expect(scope?.get('A')).toBeUndefined()
  })

  it('handles CRLF line endings and a UTF-8 BOM', () => {
    const m = buildModel('\ufeffFROM alpine:3.19\r\nRUN echo a \\\r\n  b\r\nUSER 10001\r\n')
    expect(m.problems).toEqual([])
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER'])
    expect(m.instructions[2]?.line).toBe(4)
    expect(userOf(m.instructions[2]!)).toBe('10001')
  })
})

describe('heredocs', () => {
  it('keeps heredoc bodies out of the instruction list', () => {
    const m = df('FROM alpine:3.19', 'RUN <<EOF', '#!/bin/sh', 'set -e', 'FROM evil', 'USER root', 'done', 'EOF', 'USER 10001')
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER'])
    expect(m.stages).toHaveLength(1)
    expect(m.instructions[1]?.heredocs[0]?.body).toContain('USER root')
    expect(m.problems).toEqual([])
  })

  it('analyses the body as shell only when a shell reads it', () => {
    const shell = df('FROM alpine:3.19', 'RUN <<EOF bash', 'apt-get install curl', 'EOF')
    expect(runScript(shell.instructions[1]!).commands.some((c) => c.name === 'apt-get')).toBe(true)
    const python = df('FROM alpine:3.19', 'RUN python3 <<EOF', 'import os; os.system("sudo x")', 'EOF')
    expect(runScript(python.instructions[1]!).commands.map((c) => c.name)).toEqual(['python3'])
    const shebang = df('FROM alpine:3.19', 'RUN <<EOF', '#!/usr/bin/env python3', 'print("a | b")', 'EOF')
    expect(runScript(shebang.instructions[1]!).hasPipe).toBe(false)
    const data = df('FROM alpine:3.19', 'COPY <<EOF /etc/motd', 'RUN sudo rm -rf /', 'EOF')
    expect(data.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY'])
  })

  it('handles <<-, quoted delimiters, several heredocs and a heredoc after a continuation', () => {
    const m = df(
      'FROM alpine:3.19',
      'RUN <<-"EOT" sh',
      '\techo hi',
      '\tEOT',
      'RUN cat <<A > /a && cat <<B > /b',
      'one',
      'A',
      'two',
      'B',
      'RUN apk add --no-cache curl && \\',
      '  <<EOF sh',
      'echo ok',
      'EOF',
      '# comment right after the terminator',
      'USER 1'
    )
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'RUN', 'USER'])
    expect(m.instructions[2]?.heredocs.map((h) => h.body)).toEqual(['one', 'two'])
    expect(m.problems).toEqual([])
  })

  it('handles an escaped delimiter (<<-\\EOT) and RUN --mount options before the heredoc', () => {
    const m = df('FROM alpine:3.19', 'RUN --mount=type=cache,target=/var/cache/apk <<-\\EOT sh', '\tapk add curl', '\tEOT', 'USER 1')
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER'])
    expect(m.instructions[1]?.flags).toEqual([{ name: 'mount', value: 'type=cache,target=/var/cache/apk' }])
    expect(runScript(m.instructions[1]!).commands.map((c) => c.argv.join(' '))).toEqual(['sh', 'apk add curl'])
  })

  it('reports an unterminated heredoc', () => {
    const m = df('FROM alpine:3.19', 'RUN <<EOF', 'echo never closed')
    expect(m.problems.map((p) => p.message).join()).toMatch(/heredoc <<EOF is never terminated/)
  })
})

describe('shell reading', () => {
  it('does not take case patterns for pipes', () => {
    const m = df('FROM alpine:3.19', 'RUN case "$a" in amd64|arm64) echo x ;; (i386) echo y ;; *) echo z ;; esac; ls /')
    const script = runScript(m.instructions[1]!)
    expect(script.hasPipe).toBe(false)
    expect(script.commands.map((c) => c.argv.join(' '))).toEqual(['case $a in', 'echo x', 'echo y', 'echo z', 'ls /'])
  })
  it('reads pipes, lists, redirections and nested sh -c', () => {
    const m = df('FROM alpine:3.19', 'RUN a 2>&1 | b > /dev/null && sudo -u x env A=1 c --flag || sh -c "d | e"')
    const script = runScript(m.instructions[1]!)
    expect(script.commands.map((c) => [c.name, c.pipePos])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
      ['sh', 0],
      ['d', 0],
      ['e', 1]
    ])
    expect(script.commands[1]?.redirects).toEqual(['/dev/null'])
  })
})

describe('exec form vs shell form', () => {
  it('accepts only valid JSON arrays of strings as exec form', () => {
    const m = df('FROM alpine:3.19', 'CMD ["a", "b"]', 'CMD "x"', "CMD ['a']", 'CMD ["a", \\', '  "b"]', 'CMD []', 'ENTRYPOINT ["a", 1]')
    const forms = m.instructions.slice(1).map((i) => i.json)
    expect(forms).toEqual([['a', 'b'], undefined, undefined, ['a', 'b'], [], undefined])
  })
})

describe('ONBUILD', () => {
  it('exposes the trigger instruction with its own keyword and args', () => {
    const m = df('FROM alpine:3.19', 'ONBUILD RUN curl -fsSL https://x | sh', 'ONBUILD COPY . /app')
    expect(m.triggers.map((t) => [t.keyword, t.line])).toEqual([
      ['RUN', 2],
      ['COPY', 3]
    ])
    expect(runScript(m.triggers[0]!).hasPipe).toBe(true)
  })
})

describe('variables', () => {
  it('resolves $V, ${V}, ${V:-d}, ${V:+a} and refuses to guess unknown values', () => {
    const scope = new Map<string, string | undefined>([
      ['A', 'x'],
      ['E', ''],
      ['U', undefined]
    ])
    expect(resolveVars('$A-${A}', scope)).toBe('x-x')
    expect(resolveVars('${E:-d}${NOPE:-z}', scope)).toBe('dz')
    expect(resolveVars('${A:+yes}${E:+no}', scope)).toBe('yes')
    expect(resolveVars('${U}', scope)).toBeUndefined()
    expect(resolveVars('$NOPE', scope)).toBeUndefined()
  })

  it('uses global ARG defaults in FROM and ARG/ENV scopes inside stages', () => {
    const m = df('ARG BASE=node:20-alpine', 'ARG UID=10001', 'FROM ${BASE}', 'ARG UID', 'ENV APP_USER=${UID}', 'USER $APP_USER')
    expect(m.stages[0]?.base.resolved).toBe('node:20-alpine')
    expect(m.stages[0]?.base.parts?.tag).toBe('20-alpine')
    expect(userOf(effective(m, 'USER')!)).toBe('10001')
  })

  it('a global ARG is not visible in a stage unless re-declared', () => {
    const m = df('ARG U=10001', 'FROM alpine:3.19', 'USER $U')
    expect(userOf(effective(m, 'USER')!)).toBeUndefined()
  })
})

describe('stages and ancestry', () => {
  it('follows FROM <stage> chains (case-insensitive) for the final image', () => {
    const m = df('FROM golang:1.22 AS Build', 'RUN go build', 'FROM alpine:3.19 AS base', 'USER 10001', 'FROM BASE', 'COPY --from=build /app /app')
    expect(m.stages.map((s) => s.name)).toEqual(['build', 'base', undefined])
    expect(m.final?.base.stage?.name).toBe('base')
    expect(m.runtime.map((s) => s.index)).toEqual([2, 1])
    expect(m.stages[0]?.runtime).toBe(false)
    expect(effective(m, 'USER')?.line).toBe(4)
  })

  it('resolves stage references through ARGs, including platform ARGs', () => {
    const viaDefault = df('ARG SRC=builder', 'FROM alpine:3.19 AS builder', 'FROM ${SRC}')
    expect(viaDefault.final?.base.stage?.name).toBe('builder')
    const viaPlatform = df('FROM alpine:3.19 AS base-amd64', 'FROM alpine:3.19 AS base-arm64', 'FROM base-$TARGETARCH')
    expect(viaPlatform.final?.base.stage).toBeDefined()
    expect(viaPlatform.final?.base.parts).toBeUndefined()
    const unknown = df('ARG BASE', 'FROM alpine:3.19 AS a', 'FROM $BASE')
    expect(unknown.final?.base.stage).toBeUndefined()
    expect(unknown.final?.base.resolved).toBeUndefined()
  })

  it('inherits ENV (not ARG) from the parent stage', () => {
    const m = df('FROM alpine:3.19 AS base', 'ENV RUNAS=10001', 'ARG ONLYARG=1', 'FROM base', 'USER $RUNAS', 'RUN echo $ONLYARG')
    expect(userOf(effective(m, 'USER')!)).toBe('10001')
    expect(m.final?.instructions[1]?.scope.has('ONLYARG')).toBe(false)
  })
})

describe('inline ignores', () => {
  it('collects ignores from the comment block right above an instruction, and global ones anywhere', () => {
    const m = df(
      'FROM alpine:3.19',
      '# container-lint ignore=CL-DF-008,cl-df-040 -- vendored tarball',
      '# another comment',
      'ADD a b /x',
      'RUN true',
      '# container-lint global ignore=CL-DF-010 -- k8s probes'
    )
    const ignores = m.inlineIgnores.get(4)
    expect([...(ignores?.[0]?.ids ?? [])]).toEqual(['CL-DF-008', 'CL-DF-040'])
    expect(ignores?.[0]?.reason).toBe('vendored tarball')
    expect(m.inlineIgnores.has(5)).toBe(false)
    expect([...(m.globalIgnores[0]?.ids ?? [])]).toEqual(['CL-DF-010'])
  })
})
