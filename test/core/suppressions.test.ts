import { describe, expect, it } from 'vitest'
import { applySuppressions } from '../../src/core/suppressions.js'
import { makeFinding } from '../support/findings.js'

describe('applySuppressions', () => {
  const cve = makeFinding({ severity: 'critical', ruleId: 'CVE-2023-0001', path: 'package-lock.json', source: 'trivy' })
  const other = makeFinding({ severity: 'high', ruleId: 'AWS-0086', path: 'infra/main.tf', source: 'tfsec' })

  it('suppresses by rule glob, tool and path until it expires', () => {
    const out = applySuppressions([cve, other], [{ rule: 'CVE-2023-*', tool: 'trivy', reason: 'no exploit path', expires: '2027-01-01' }], '2026-11-21')
    expect(out.findings.find(f => f.ruleId === cve.ruleId)!.suppressed?.reason).toBe('no exploit path')
    expect(out.findings.find(f => f.ruleId === other.ruleId)!.suppressed).toBeUndefined()
  })

  it('an expired suppression stops suppressing and says so', () => {
    const out = applySuppressions([cve], [{ rule: cve.ruleId, reason: 'temporary', expires: '2026-01-01' }], '2026-11-21')
    expect(out.findings[0]!.suppressed).toBeUndefined()
    expect(out.notices.join('\n')).toMatch(/expired on 2026-01-01 and no longer suppresses 1/)
  })

  it('a suppression that matched nothing is reported as a low finding at its line', () => {
    const out = applySuppressions([cve], [{ path: 'docs/**', reason: 'old', file: '.github/deploy-gates.yml', line: 7 }], '2026-11-21')
    const unused = out.findings.find(f => f.ruleId === 'DG-CFG-001')!
    expect(unused.severity).toBe('low')
    expect(unused.line).toBe(7)
    expect(unused.path).toBe('.github/deploy-gates.yml')
  })

  it('matches any of the sources a deduplicated finding names', () => {
    const merged = makeFinding({ severity: 'critical', source: 'trivy', sources: ['gitleaks', 'trivy'], kind: 'secret' })
    const out = applySuppressions([merged], [{ tool: 'gitleaks', reason: 'test key' }], '2026-11-21')
    expect(out.findings[0]!.suppressed).toBeDefined()
  })

  it('judges an unused entry only when its tool ran (or, without a tool, when everything ran)', () => {
    const entries = [
      { tool: 'trivy', rule: 'CVE-1999-0001', reason: 'old trivy entry' },
      { rule: 'CL-DF-001', reason: 'no tool named' }
    ]
    const lintOnly = applySuppressions([], entries, '2026-11-21', { ranSources: ['container-lint'], everything: false })
    expect(lintOnly.findings).toEqual([])
    const gates = applySuppressions([], entries, '2026-11-21', { ranSources: ['trivy', 'gitleaks'], everything: false })
    expect(gates.findings.map(f => f.message)).toEqual([expect.stringMatching(/tool trivy/)])
    const all = applySuppressions([], entries, '2026-11-21', { ranSources: ['trivy'], everything: true })
    expect(all.findings).toHaveLength(2)
  })
})
