import { describe, expect, it } from 'vitest'
import { fingerprintOf, type Finding } from '../../../src/core/finding.js'
import { auditWorkflowText } from '../../../src/oidc-guard/workflow/audit.js'
import { applyConfigIgnores, applyInlineIgnores, parseInlineIgnores } from '../../../src/oidc-guard/workflow/ignores.js'
import { auditFixture } from '../helpers.js'

function finding(ruleId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    source: 'oidc-guard',
    ruleId,
    ruleName: 'x',
    severity: 'medium',
    title: 't',
    message: 'm',
    path: '.github/workflows/a.yml',
    line,
    fingerprint: fingerprintOf(ruleId, line),
    helpUri: 'h',
    kind: 'misconfiguration',
    ...extra
  }
}

describe('inline ignores', () => {
  it('parses ids and reasons, with or without a colon', () => {
    expect(parseInlineIgnores('a: 1 # oidc-guard ignore[og-wf-030, OG-WF-014] vendored\n# oidc-guard: ignore[OG-WF-004]\n')).toEqual([
      { line: 1, ids: ['OG-WF-030', 'OG-WF-014'], reason: 'vendored', used: false },
      { line: 2, ids: ['OG-WF-004'], reason: '', used: false }
    ])
  })

  it('suppresses on the same line, inside the span and from comment lines above — nowhere else', () => {
    const text = ['x: 1', '# oidc-guard ignore[OG-WF-030] above', '# another comment', 'uses: a@v1', 'y: 2 # oidc-guard ignore[OG-WF-031] same line', 'z: 3', 'w: 4'].join('\n')
    const { findings, notices } = applyInlineIgnores(
      [finding('OG-WF-030', 4), finding('OG-WF-031', 5), finding('OG-WF-031', 6), finding('OG-WF-014', 4), finding('OG-WF-032', 6, { endLine: 7 })],
      text,
      'a.yml'
    )
    expect(findings.map(f => `${f.ruleId}@${f.line}:${f.suppressed ? 'suppressed' : 'open'}`)).toEqual([
      'OG-WF-030@4:suppressed',
      'OG-WF-031@5:suppressed',
      'OG-WF-031@6:open',
      'OG-WF-014@4:open',
      'OG-WF-032@6:open'
    ])
    expect(findings[0]!.suppressed).toEqual({ reason: 'above', origin: 'inline comment at a.yml:2' })
    expect(notices).toEqual([])
  })

  it('reports unused inline ignores as notices (fixture)', () => {
    const audit = auditFixture('inline-ignore.yml')
    expect(audit.findings.filter(f => f.suppressed).map(f => f.line)).toEqual([10, 11])
    expect(audit.notices).toEqual([
      '.github/workflows/inline-ignore.yml:13: inline ignore[OG-WF-004] matched no finding; remove it so it cannot hide a future one'
    ])
  })
})

describe('config ignores', () => {
  it('match by rule glob, path glob, job and uses', () => {
    const findings = [
      finding('OG-WF-030', 3, { properties: { job: 'build', uses: 'acme/tool@v1' } }),
      finding('OG-WF-030', 4, { properties: { job: 'deploy', uses: 'acme/tool@v1' } }),
      finding('OG-WF-030', 5, { properties: { job: 'build', uses: 'other/tool@v1' } }),
      finding('OG-WF-012', 1, { path: 'legacy/x.yml' })
    ]
    const out = applyConfigIgnores(findings, [
      { rule: 'OG-WF-030', job: 'build', uses: 'acme/*', reason: 'own org', origin: 'cfg:3' },
      { rule: 'OG-WF-01*', path: 'legacy/**', reason: 'legacy', origin: 'cfg:5' },
      { rule: 'OG-WF-033', reason: 'nothing', origin: 'cfg:7' }
    ])
    expect(out.findings.map(f => f.suppressed?.origin ?? 'open')).toEqual(['cfg:3', 'open', 'open', 'cfg:5'])
    expect(out.notices).toEqual(['cfg:7: ignore of OG-WF-033 matched no finding'])
  })
})

describe('inline ignores over a step', () => {
  it('an ignore anywhere in the step, or above it, covers findings of that step only', () => {
    const text = [
      'on: push',
      'permissions: {contents: read}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      # oidc-guard ignore[OG-WF-030] audited fork',
      '      - name: Scan',
      '        uses: acme/scanner@v2',
      '      - name: Other',
      '        uses: acme/other@v1',
      '        with:',
      '          x: 1 # oidc-guard ignore[OG-WF-030] inside the step',
      '      - uses: acme/third@v3'
    ].join('\n')
    const { findings, notices } = auditWorkflowText(text, 'w.yml')
    expect(findings.map(f => `${f.line}:${f.suppressed ? 'ignored' : 'open'}`)).toEqual(['9:ignored', '11:ignored', '14:open'])
    expect(notices).toEqual([])
  })
})
