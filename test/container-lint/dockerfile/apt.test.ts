import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.js'

describe('CL-DF-015 apt-get-missing-yes', () => {
  it('catches apt-get install without -y, including behind sudo/env and inside sh -c and ONBUILD', () => {
    expect(
      linesOf('CL-DF-015', ['FROM debian:12', 'RUN apt-get update && apt-get install curl', 'RUN DEBIAN_FRONTEND=noninteractive apt-get install -q curl', 'RUN sh -c "apt-get install vim"', 'ONBUILD RUN apt-get install make'])
    ).toEqual([2, 3, 4, 5])
  })
  it('does not catch -y, --yes, --assume-yes, clusters like -yq, or -qq', () => {
    expect(
      linesOf('CL-DF-015', ['FROM debian:12', 'RUN apt-get install -y curl', 'RUN apt-get install --yes curl', 'RUN apt-get --assume-yes install curl', 'RUN apt-get install -qy curl', 'RUN apt-get -qq install curl', 'RUN echo "apt-get install x"'])
    ).toEqual([])
  })
})

describe('CL-DF-016 apt-no-install-recommends', () => {
  it('catches installs without --no-install-recommends in the runtime image', () => {
    expect(linesOf('CL-DF-016', ['FROM debian:12', 'RUN apt-get install -y curl'])).toEqual([2])
  })
  it('does not catch the flag after package names, or builder stages', () => {
    expect(linesOf('CL-DF-016', ['FROM debian:12', 'RUN apt-get install -y curl --no-install-recommends'])).toEqual([])
    expect(linesOf('CL-DF-016', ['FROM debian:12 AS build', 'RUN apt-get install -y gcc', 'FROM gcr.io/distroless/cc-debian12'])).toEqual([])
  })
})

describe('CL-DF-017 apt-lists-not-removed', () => {
  it('catches apt-get update without removing the lists in the same RUN', () => {
    expect(linesOf('CL-DF-017', ['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', 'RUN rm -rf /var/lib/apt/lists/*'])).toEqual([2])
  })
  it('does not catch cleanup in the same RUN, cache mounts, or builder stages', () => {
    expect(linesOf('CL-DF-017', ['FROM debian:12', 'RUN apt-get update && apt-get install -y curl \\', '  && rm -rf /var/lib/apt/lists/*'])).toEqual([])
    expect(linesOf('CL-DF-017', ['FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl'])).toEqual([])
    expect(linesOf('CL-DF-017', ['FROM debian:12 AS b', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch'])).toEqual([])
  })
})

describe('CL-DF-018 package-update-alone', () => {
  it('catches an index update with no install in the same RUN', () => {
    expect(linesOf('CL-DF-018', ['FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl', 'FROM alpine:3.19', 'RUN apk update', 'FROM fedora:40', 'RUN dnf makecache'])).toEqual([2, 5, 7])
  })
  it('does not catch update and install together', () => {
    expect(linesOf('CL-DF-018', ['FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'FROM alpine:3.19', 'RUN apk update && apk add curl'])).toEqual([])
  })
})

describe('CL-DF-019 package-upgrade', () => {
  it('catches whole-system upgrades', () => {
    expect(linesOf('CL-DF-019', ['FROM debian:12', 'RUN apt-get update && apt-get -y dist-upgrade', 'RUN apk upgrade', 'RUN yum -y update'])).toEqual([2, 3, 4])
  })
  it('does not catch installing or updating named packages', () => {
    expect(linesOf('CL-DF-019', ['FROM fedora:40', 'RUN yum -y update openssl', 'RUN apt-get install -y --only-upgrade openssl'])).toEqual([])
  })
})
