import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lintManifestTexts } from '../../../src/container-lint/k8s/lint.js'
import { DEFAULT_DENY, workload } from './workload-fixture.js'

const VALID = `${workload({ sc: 'privileged: true' })}---\n${DEFAULT_DENY}`

describe('damaged manifests fail closed', () => {
  it('never throws on truncated or corrupted input, and never reports a clean file it could not read', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.string({ maxLength: 6 }), fc.nat(VALID.length), (cut, junk, at) => {
        const text = `${VALID.slice(0, at)}${junk}${VALID.slice(at)}`.slice(0, Math.max(cut, 1))
        const out = lintManifestTexts([{ path: 'x.yaml', text }], { isEnabled: () => true })
        for (const f of out.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1)
          expect(f.path).toBe('x.yaml')
        }
        // Whatever survives: either findings (incl. CL-K8S-000) or the file is not recognisably Kubernetes any more.
        if (out.findings.length === 0) expect(out.kubernetesFiles.length === 0 || !/privileged: true/.test(text) || !/containers:/.test(text)).toBe(true)
      }),
      { numRuns: 60, seed: 7 }
    )
  })

  it('survives an alias bomb with a CL-K8S-000 finding', () => {
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`
    const out = lintManifestTexts([{ path: 'bomb.yaml', text: bomb }], { isEnabled: () => true })
    expect(out.findings.map(f => f.ruleId)).toEqual(['CL-K8S-000'])
    expect(out.findings[0]!.message).toMatch(/alias/)
  })
})
