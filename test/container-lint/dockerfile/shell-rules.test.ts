import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.js'

describe('CL-DF-025 sudo-in-run', () => {
  it('catches sudo invocations', () => {
    expect(linesOf('CL-DF-025', ['FROM debian:12', 'RUN sudo apt-get install -y curl', 'RUN make && sudo make install', 'ONBUILD RUN sudo true'])).toEqual([2, 3, 4])
  })
  it('does not catch a package named sudo or the word in strings', () => {
    expect(linesOf('CL-DF-025', ['FROM debian:12', 'RUN apt-get install -y sudo', 'RUN echo "no sudo here"', 'RUN useradd -G sudo dev'])).toEqual([])
  })
})

describe('CL-DF-026 cd-instead-of-workdir', () => {
  it('catches cd in RUN', () => {
    expect(linesOf('CL-DF-026', ['FROM alpine:3.19', 'RUN cd /app && make'])).toEqual([2])
  })
  it('does not catch WORKDIR or cd inside heredoc bodies read by another interpreter', () => {
    expect(linesOf('CL-DF-026', ['FROM alpine:3.19', 'WORKDIR /app', 'RUN make', 'RUN python3 <<EOF', 'import os; os.chdir("/x")', 'EOF'])).toEqual([])
  })
})

describe('CL-DF-033 missing-pipefail', () => {
  it('catches a pipe without pipefail, also in ONBUILD and heredoc scripts', () => {
    expect(linesOf('CL-DF-033', ['FROM debian:12', 'RUN curl -fsSL https://x/y.tgz | tar xz', 'ONBUILD RUN cat a | grep b', 'RUN <<EOF', 'ls | wc -l', 'EOF'])).toEqual([2, 3, 4])
  })
  it('does not catch set -o pipefail, a pipefail SHELL (also inherited), || or quoted pipes', () => {
    expect(
      linesOf('CL-DF-033', [
        'FROM debian:12 AS base',
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'RUN curl -fsSL https://x | tar xz',
        'FROM base',
        'RUN ls | wc -l',
        'FROM debian:12',
        'RUN set -euxo pipefail; ls | wc -l',
        'RUN test -f x || exit 1',
        'RUN echo "a | b" > /f',
        'RUN <<EOF bash',
        'set -o pipefail',
        'ls | wc -l',
        'EOF'
      ])
    ).toEqual([])
  })
  it('does not judge PowerShell', () => {
    expect(linesOf('CL-DF-033', ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN Get-ChildItem | Select-Object Name'])).toEqual([])
  })
})

describe('CL-DF-034 remote-script-piped-to-shell', () => {
  it('catches curl|sh, wget -O- | bash, bash <(curl …) and sh -c "$(curl …)", also in ONBUILD', () => {
    expect(
      linesOf('CL-DF-034', [
        'FROM debian:12',
        'RUN curl -fsSL https://get.example.com | sh',
        'RUN wget -qO- https://x/install.sh | sudo bash -s -- --yes',
        'RUN bash <(curl -s https://x/i.sh)',
        'RUN sh -c "$(curl -fsSL https://x/i.sh)"',
        'ONBUILD RUN curl https://x | python3'
      ])
    ).toEqual([2, 3, 4, 5, 6])
  })
  it('does not catch downloads to files, checksummed runs, or piping to tar', () => {
    expect(
      linesOf('CL-DF-034', [
        'FROM debian:12',
        'RUN curl -fsSLo /tmp/i.sh https://x/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh',
        'RUN curl -fsSL https://x/y.tgz | tar xz',
        'RUN wget -O /tmp/x https://x && sh /tmp/x'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-035 build-toolchain-in-final-image', () => {
  it('catches compilers left in the final image', () => {
    expect(linesOf('CL-DF-035', ['FROM debian:12', 'RUN apt-get update && apt-get install -y build-essential libpq-dev && rm -rf /var/lib/apt/lists/*'])).toEqual([2])
    expect(linesOf('CL-DF-035', ['FROM alpine:3.19', 'RUN apk add --no-cache gcc musl-dev'])).toEqual([2])
  })
  it('does not catch builder stages or toolchains removed in the same RUN', () => {
    expect(linesOf('CL-DF-035', ['FROM debian:12 AS build', 'RUN apt-get install -y gcc make', 'FROM debian:12-slim', 'COPY --from=build /out /out'])).toEqual([])
    expect(linesOf('CL-DF-035', ['FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps'])).toEqual([])
    expect(linesOf('CL-DF-035', ['FROM debian:12', 'RUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc'])).toEqual([])
    // the docker-library idiom: mark everything auto, then purge --auto-remove
    expect(
      linesOf('CL-DF-035', [
        'FROM debian:bookworm-slim',
        'RUN set -eux; \\',
        '\tsavedAptMark="$(apt-mark showmanual)"; \\',
        '\tapt-get update; apt-get install -y --no-install-recommends gcc libssl-dev make; \\',
        '\t./configure && make && make install; \\',
        "\tapt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\",
        '\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\',
        '\trm -rf /var/lib/apt/lists/*'
      ])
    ).toEqual([])
  })
})

describe('CL-DF-037 world-writable-permissions', () => {
  it('catches chmod 777, o+w, a+rwx and --chmod=777', () => {
    expect(linesOf('CL-DF-037', ['FROM alpine:3.19', 'RUN chmod 777 /app', 'RUN chmod -R o+w /data', 'COPY --chmod=0666 conf /etc/app/', 'RUN mkdir -m 777 /shared', 'RUN chmod a+rwx /x'])).toEqual([2, 3, 4, 5, 6])
  })
  it('does not catch sticky dirs, safe modes or removing write', () => {
    expect(linesOf('CL-DF-037', ['FROM alpine:3.19', 'RUN install -d -m 1777 /tmp/shared', 'RUN chmod 755 /app && chmod -w /f && chmod g+w /g', 'COPY --chmod=0644 a /a', 'RUN chmod 1777 /scratch'])).toEqual([])
  })
})

describe('CL-DF-028 ssh-server', () => {
  it('catches EXPOSE 22, openssh-server installs and sshd as the command', () => {
    expect(linesOf('CL-DF-028', ['FROM debian:12', 'RUN apt-get install -y openssh-server', 'EXPOSE 22/tcp', 'CMD ["/usr/sbin/sshd", "-D"]'])).toEqual([2, 3, 4])
  })
  it('does not catch the ssh client, other ports or builder stages', () => {
    expect(linesOf('CL-DF-028', ['FROM debian:12 AS b', 'RUN apt-get install -y openssh-server', 'FROM alpine:3.19', 'RUN apk add --no-cache openssh-client', 'EXPOSE 2222 8022'])).toEqual([])
  })
})
