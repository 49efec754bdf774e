import { describe, expect, it } from 'vitest'
import { lintDockerfile } from '../../../src/container-lint/dockerfile/lint.js'
import { buildModel } from '../../../src/container-lint/dockerfile/model.js'
import { fingerprintOf } from '../../../src/core/finding.js'

/**
 * Regression: every hit of a long RUN line used to hash the whole instruction
 * text for its fingerprint (thousands of hits × the line = quadratic; a 1 MB
 * line took ~90 s). Fingerprints are now computed once per rule and key; they
 * must stay exactly what fingerprintOf gives. Timing lives in the bench, not here.
 */
describe('a long RUN line with many hits of one rule', () => {
  const command = 'apt-get install -y curl=7.1 && echo "hello $HOME" | tee /tmp/x; '
  const run = `RUN ${command.repeat(400)}`
  const text = `FROM debian:12\n${run}\nUSER 1000\n`
  const findings = lintDockerfile(text, 'Dockerfile', { isEnabled: () => true })

  it('reports each hit, with the fingerprint of its rule and instruction', () => {
    const apt = findings.filter(f => f.ruleId === 'CL-DF-016')
    expect(apt).toHaveLength(400)
    for (const ruleId of new Set(findings.filter(f => f.line === 2).map(f => f.ruleId))) {
      const prints = new Set(findings.filter(f => f.ruleId === ruleId && f.line === 2).map(f => f.fingerprint))
      expect(prints.size, ruleId).toBe(1)
    }
    // CL-DF-016 gives no key of its own: the identity is the instruction text.
    const instruction = buildModel(text).instructionAt.get(2)?.text ?? ''
    expect(instruction.length).toBeGreaterThan(run.length - 10)
    expect(apt[0]?.fingerprint).toBe(fingerprintOf('CL-DF-016', 'Dockerfile', instruction))
  })

  it('keeps fingerprints of different files and rules apart', () => {
    const other = lintDockerfile(text, 'other/Dockerfile', { isEnabled: () => true })
    const a = findings.find(f => f.ruleId === 'CL-DF-016')?.fingerprint
    const b = other.find(f => f.ruleId === 'CL-DF-016')?.fingerprint
    expect(a).toBeDefined()
    expect(a).not.toBe(b)
    expect(findings.find(f => f.ruleId === 'CL-DF-033')?.fingerprint).not.toBe(a)
  })
})
