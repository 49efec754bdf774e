import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.js'

describe('CL-DF-027 relative-workdir', () => {
  it('catches relative WORKDIRs, also after resolving variables', () => {
    expect(linesOf('CL-DF-027', ['FROM alpine:3.19', 'WORKDIR app', 'ARG DIR=src', 'WORKDIR ${DIR}'])).toEqual([2, 4])
  })
  it('does not catch absolute paths, Windows paths or unknown variables', () => {
    expect(linesOf('CL-DF-027', ['FROM alpine:3.19', 'WORKDIR /app', 'ENV APP=/srv', 'WORKDIR $APP/web', 'WORKDIR $HOME/x', 'WORKDIR C:\\\\app'])).toEqual([])
  })
})

describe('CL-DF-029 invalid-expose', () => {
  it('catches out-of-range ports, host mappings and bad protocols', () => {
    expect(linesOf('CL-DF-029', ['FROM alpine:3.19', 'EXPOSE 80000', 'EXPOSE 8080:80', 'EXPOSE 53/icmp', 'EXPOSE 9000-8000'])).toEqual([2, 3, 4, 5])
  })
  it('does not catch valid ports, ranges, protocols or unresolved variables', () => {
    expect(linesOf('CL-DF-029', ['FROM alpine:3.19', 'EXPOSE 80 443/tcp 53/udp 7000-7010/tcp', 'ARG PORT', 'EXPOSE $PORT', 'ENV P2=8080', 'EXPOSE ${P2}'])).toEqual([])
  })
})

describe('CL-DF-030 copy-from-undefined-stage', () => {
  it('catches unknown stage names, out-of-range indexes, self references and later stages', () => {
    expect(
      linesOf('CL-DF-030', ['FROM golang:1.22 AS build', 'COPY --from=build /a /a', 'FROM alpine:3.19 AS final', 'COPY --from=biuld /app /app', 'COPY --from=5 /x /x', 'COPY --from=later /y /y', 'RUN --mount=type=bind,from=nosuch,target=/src true', 'FROM alpine:3.19 AS later'])
    ).toEqual([2, 4, 5, 6, 7])
  })
  it('does not catch earlier stages (case-insensitive, by index or via ARG) or external images', () => {
    expect(
      linesOf('CL-DF-030', [
        'FROM golang:1.22 AS Build',
        'FROM alpine:3.19',
        'ARG SRC=build',
        'COPY --from=BUILD /a /a',
        'COPY --from=0 /b /b',
        'COPY --from=${SRC} /c /c',
        'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
        'COPY --from=ghcr.io/org/tool@sha256:abc /bin/tool /bin/',
        'RUN --mount=type=cache,target=/root/.cache --mount=from=build,target=/b true'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-031 duplicate-stage-name', () => {
  it('catches duplicate aliases case-insensitively', () => {
    expect(linesOf('CL-DF-031', ['FROM alpine:3.19 AS base', 'FROM alpine:3.19 AS BASE'])).toEqual([2])
  })
  it('does not catch distinct names', () => {
    expect(linesOf('CL-DF-031', ['FROM alpine:3.19 AS base', 'FROM base AS app'])).toEqual([])
  })
})

describe('CL-DF-032 maintainer-deprecated', () => {
  it('catches MAINTAINER', () => {
    expect(linesOf('CL-DF-032', ['FROM alpine:3.19', 'MAINTAINER dev@example.com'])).toEqual([2])
  })
  it('does not catch LABEL maintainer', () => {
    expect(linesOf('CL-DF-032', ['FROM alpine:3.19', 'LABEL maintainer="dev@example.com"'])).toEqual([])
  })
})

describe('CL-DF-039 system-path-volume-workdir', () => {
  it('catches VOLUME / WORKDIR on system paths and runtime sockets', () => {
    expect(linesOf('CL-DF-039', ['FROM alpine:3.19', 'VOLUME /', 'VOLUME ["/data", "/etc"]', 'VOLUME /var/run/docker.sock', 'WORKDIR /proc/self'])).toEqual([2, 3, 4, 5])
  })
  it('does not catch application paths or WORKDIR /', () => {
    expect(linesOf('CL-DF-039', ['FROM alpine:3.19', 'VOLUME /data /var/lib/app', 'WORKDIR /', 'WORKDIR /etcd-data'])).toEqual([])
  })
})

describe('CL-DF-040 copy-multi-source-dest-slash', () => {
  it('catches several sources into a destination without /', () => {
    expect(linesOf('CL-DF-040', ['FROM alpine:3.19', 'COPY a b /app', 'ADD ["x", "y", "/opt"]', 'COPY --chown=1:1 package.json package-lock.json /srv/app'])).toEqual([2, 3, 4])
  })
  it('does not catch a trailing /, a single source, or . as destination', () => {
    expect(linesOf('CL-DF-040', ['FROM alpine:3.19', 'COPY a b /app/', 'COPY a /app', 'COPY package.json yarn.lock .', 'COPY <<EOF /etc/x', 'hi', 'EOF'])).toEqual([])
  })
})

describe('CL-DF-041 onbuild-forbidden-trigger', () => {
  it('catches ONBUILD FROM/MAINTAINER/ONBUILD', () => {
    expect(linesOf('CL-DF-041', ['FROM alpine:3.19', 'ONBUILD FROM busybox', 'ONBUILD MAINTAINER x', 'ONBUILD ONBUILD RUN true'])).toEqual([2, 3, 4])
  })
  it('does not catch ordinary triggers', () => {
    expect(linesOf('CL-DF-041', ['FROM alpine:3.19', 'ONBUILD COPY . /app', 'ONBUILD RUN make'])).toEqual([])
  })
})

describe('CL-DF-042 first-instruction-not-from', () => {
  it('catches instructions other than ARG before the first FROM', () => {
    expect(linesOf('CL-DF-042', ['# comment', 'RUN echo hi', 'FROM alpine:3.19'])).toEqual([2])
    expect(linesOf('CL-DF-042', ['ARG V=1', 'ENV X=1', 'FROM alpine:3.19'])).toEqual([2])
  })
  it('does not catch directives, comments and ARGs before FROM', () => {
    expect(linesOf('CL-DF-042', ['# syntax=docker/dockerfile:1', '# escape=\\', '', '# hello', 'ARG BASE=alpine:3.19', 'FROM $BASE'])).toEqual([])
  })
})
