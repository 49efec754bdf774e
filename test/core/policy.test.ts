import { describe, expect, it } from 'vitest'
import { evaluate, type Policy } from '../../src/core/policy.js'
import type { ScanResult } from '../../src/core/result.js'
import { makeFinding } from '../support/findings.js'

const scan = (findings: ScanResult['findings'], extra: Partial<ScanResult> = {}): ScanResult => ({
  command: 'gates',
  findings,
  errors: [],
  inputs: ['report.json'],
  ...extra
})

describe('evaluate', () => {
  it('blocks at or above fail-on and passes below it', () => {
    const findings = [makeFinding({ severity: 'medium', ruleId: 'A' }), makeFinding({ severity: 'high', ruleId: 'B' })]
    expect(evaluate(scan(findings), { failOn: 'high' }).verdict).toBe('fail')
    expect(evaluate(scan(findings), { failOn: 'critical' }).verdict).toBe('pass')
    const report = evaluate(scan(findings), { failOn: 'high' })
    expect(report.blocking).toEqual([findings[1]!.fingerprint])
    expect(report.counts).toEqual({ critical: 0, high: 1, medium: 1, low: 0, info: 0 })
  })

  it('sorts findings most severe first', () => {
    const findings = [makeFinding({ severity: 'low', ruleId: 'L' }), makeFinding({ severity: 'critical', ruleId: 'C' })]
    expect(evaluate(scan(findings), { failOn: 'none' }).findings.map(f => f.ruleId)).toEqual(['C', 'L'])
  })

  it('an input error is always `error`, even with no findings', () => {
    const report = evaluate(scan([], { errors: [{ path: 'x.json', message: 'truncated' }] }), { failOn: 'none' })
    expect(report.verdict).toBe('error')
  })

  it('examining no input at all is an error, not a pass', () => {
    const report = evaluate(scan([], { inputs: [] }), { failOn: 'high' })
    expect(report.verdict).toBe('error')
    expect(report.errors[0]!.message).toMatch(/no input/)
  })

  it('budgets block once exceeded, even below fail-on', () => {
    const mediums = [1, 2, 3].map(i => makeFinding({ severity: 'medium', ruleId: `M${i}` }))
    expect(evaluate(scan(mediums.slice(0, 2)), { failOn: 'high', budgets: { medium: 2 } }).verdict).toBe('pass')
    const over = evaluate(scan(mediums), { failOn: 'high', budgets: { medium: 2 } })
    expect(over.verdict).toBe('fail')
    expect(over.blocking).toHaveLength(3)
  })

  it('per-source overrides: secrets at any severity, npm audit only at critical', () => {
    const policy: Policy = { failOn: 'high', sources: { gitleaks: { failOn: 'info' }, 'npm-audit': { failOn: 'critical' } } }
    const secret = makeFinding({ severity: 'low', source: 'gitleaks', kind: 'secret' })
    const npmHigh = makeFinding({ severity: 'high', source: 'npm-audit', kind: 'vulnerability' })
    expect(evaluate(scan([secret]), policy).verdict).toBe('fail')
    expect(evaluate(scan([npmHigh]), policy).verdict).toBe('pass')
  })

  it('a finding seen by several sources blocks when any source threshold says so', () => {
    const f = makeFinding({ severity: 'medium', source: 'trivy', sources: ['gitleaks', 'trivy'], kind: 'secret' })
    expect(evaluate(scan([f]), { failOn: 'high', sources: { gitleaks: { failOn: 'low' } } }).verdict).toBe('fail')
  })

  it('include/exclude globs filter findings by path', () => {
    const f = [makeFinding({ severity: 'critical', path: 'vendor/lib.js' }), makeFinding({ severity: 'low', path: 'src/a.ts', ruleId: 'X' })]
    expect(evaluate(scan(f), { failOn: 'high', exclude: ['vendor/**'] }).verdict).toBe('pass')
    expect(evaluate(scan(f), { failOn: 'high', include: ['vendor/**'] }).findings).toHaveLength(1)
  })

  it('ignore-unfixed reports unfixable vulnerabilities without blocking', () => {
    const unfixed = makeFinding({ severity: 'critical', kind: 'vulnerability', fixAvailable: false })
    const fixed = makeFinding({ severity: 'critical', kind: 'vulnerability', fixAvailable: true, ruleId: 'F' })
    expect(evaluate(scan([unfixed]), { failOn: 'high', ignoreUnfixed: true }).verdict).toBe('pass')
    expect(evaluate(scan([unfixed]), { failOn: 'high', ignoreUnfixed: true }).counts.critical).toBe(1)
    expect(evaluate(scan([unfixed, fixed]), { failOn: 'high', ignoreUnfixed: true }).verdict).toBe('fail')
  })

  it('known (baseline) findings are reported but never block', () => {
    const old = makeFinding({ severity: 'critical', ruleId: 'OLD' })
    const fresh = makeFinding({ severity: 'critical', ruleId: 'NEW' })
    expect(evaluate(scan([old], { known: [old.fingerprint] }), { failOn: 'high' }).verdict).toBe('pass')
    const both = evaluate(scan([old, fresh], { known: [old.fingerprint] }), { failOn: 'high' })
    expect(both.blocking).toEqual([fresh.fingerprint])
  })

  it('suppressed findings neither count nor block', () => {
    const f = makeFinding({ severity: 'critical', suppressed: { reason: 'accepted risk', origin: 'test' } })
    const report = evaluate(scan([f]), { failOn: 'info' })
    expect(report.verdict).toBe('pass')
    expect(report.counts.critical).toBe(0)
  })
})
