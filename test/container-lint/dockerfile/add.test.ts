import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.js'

describe('CL-DF-008 add-instead-of-copy', () => {
  it('catches ADD of local files and directories', () => {
    expect(linesOf('CL-DF-008', ['FROM alpine:3.19', 'ADD app.py /app/', 'ADD ["conf", "/etc/app"]', 'ADD --chown=1:1 src/ /src/'])).toEqual([2, 3, 4])
  })
  it('does not catch local tar archives or remote sources', () => {
    expect(linesOf('CL-DF-008', ['FROM alpine:3.19', 'ADD rootfs.tar.gz /', 'ADD vendor.tgz /opt/', 'ADD --checksum=sha256:abc https://example.com/x.tar.gz /x', 'ADD git@github.com:org/repo.git /src'])).toEqual([])
  })
})

describe('CL-DF-009 add-remote-without-checksum', () => {
  it('catches URLs without --checksum', () => {
    expect(linesOf('CL-DF-009', ['FROM alpine:3.19', 'ADD https://example.com/tool /usr/local/bin/tool', 'ADD https://github.com/org/repo.git#main /src'])).toEqual([2, 3])
  })
  it('does not catch checksummed URLs, commit-pinned git sources or local files', () => {
    expect(
      linesOf('CL-DF-009', [
        'FROM alpine:3.19',
        'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /tool',
        'ADD https://github.com/org/repo.git#' + 'a'.repeat(40) + ' /src',
        'ADD local.tar.gz /'
      ])
    ).toEqual([])
  })
})
