import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'

const LINES = [
  'FROM alpine:3.19 AS base', 'FROM base', 'FROM $X', 'ARG X=base', 'RUN <<EOF', 'EOF', 'RUN a | b \\', '# comment', '',
  'USER root', 'USER ${U:-1000}', 'COPY --from=base a b /c', 'CMD ["a"', 'CMD ["a"]', 'ONBUILD', 'ONBUILD ONBUILD RUN x',
  'ENV A=1 B', 'EXPOSE 99999/tcp', '\\', '# escape=`', 'HEALTHCHECK NONE', 'RUN case x in a|b) y ;; esac', 'ADD http://x /y', '"]'
]

describe('robustness', () => {
  it('never throws and always returns well-formed findings, whatever the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 30 })), { maxLength: 25 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n')
        const findings = lintDockerfile(text, 'Dockerfile', { isEnabled: () => true })
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1)
          expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/)
          expect(f.ruleId).toMatch(/^CL-DF-0\d\d$/)
        }
        // a rule crashing would surface as a CL-DF-000 "rule … failed" finding
        expect(findings.filter((f) => /failed on this file/.test(f.message))).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})
