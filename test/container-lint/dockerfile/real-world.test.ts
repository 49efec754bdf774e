import { describe, expect, it } from 'vitest'
import { lint } from './helpers.js'

/** Shapes common in official images and real repositories, written for these tests. */
describe('real-world shapes', () => {
  it('reads an official-image style RUN with case, comments at column 0 and inside, $( | ) and backslash-heavy quoting', () => {
    const findings = lint([
      'FROM debian:bookworm-slim',
      'ENV GPG_KEY 0123456789ABCDEF0123456789ABCDEF01234567',
      'RUN set -eux; \\',
      '\tarch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \\',
      '\tcase "$arch" in \\',
      '\t\tamd64|arm64) \\',
      '\t\t\t# comment inside the continuation, indented',
      '\t\t\tEXTRA="-fno-omit-frame-pointer"; \\',
      '\t\t\t;; \\',
      '\t\t*) EXTRA="" ;; \\',
      '\tesac; \\',
      '# comment at column 0',
      '\tapt-get update; \\',
      '\tapt-get install -y --no-install-recommends ca-certificates wget; \\',
      '\trm -rf /var/lib/apt/lists/*; \\',
      '\twget -O /usr/local/bin/tool "https://example.com/tool-$arch"; \\',
      '\tchmod +x /usr/local/bin/tool',
      'RUN install --verbose --directory --owner app --group app --mode 1777 /var/run/app',
      'USER 999:999',
      'HEALTHCHECK NONE',
      'ENTRYPOINT ["tool"]'
    ])
    expect(findings.filter((f) => f.ruleId === 'CL-DF-000')).toEqual([])
    const ids = new Set(findings.map((f) => f.ruleId))
    for (const quiet of ['CL-DF-006', 'CL-DF-015', 'CL-DF-016', 'CL-DF-017', 'CL-DF-018', 'CL-DF-033', 'CL-DF-034', 'CL-DF-035', 'CL-DF-036', 'CL-DF-037']) {
      expect(ids.has(quiet), quiet).toBe(false)
    }
  })

  it('lints a Windows Dockerfile with a backtick escape without parse errors', () => {
    const findings = lint([
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
      'RUN Invoke-WebRequest https://example.com/x.zip -OutFile x.zip ; `',
      '    Expand-Archive x.zip -DestinationPath C:\\x',
      'WORKDIR C:\\app',
      'USER ContainerUser'
    ])
    expect(findings.filter((f) => f.ruleId === 'CL-DF-000' || f.ruleId === 'CL-DF-027' || f.ruleId === 'CL-DF-033')).toEqual([])
  })

  it('keeps a multi-target file honest: only the last target is the runtime image', () => {
    const findings = lint([
      'FROM node:20-alpine AS deps',
      'RUN npm ci',
      'FROM node:20-alpine AS dev',
      'USER root',
      'CMD npm run dev',
      'FROM gcr.io/distroless/nodejs20-debian12:nonroot AS prod',
      'COPY --from=deps /node_modules /app/node_modules',
      'CMD ["/app/server.js"]'
    ])
    const ids = findings.map((f) => f.ruleId)
    expect(ids).not.toContain('CL-DF-001')
    expect(ids).not.toContain('CL-DF-002')
    expect(ids).not.toContain('CL-DF-013')
    expect(ids).toContain('CL-DF-010')
  })
})
