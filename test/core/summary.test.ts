import { describe, expect, it } from 'vitest'
import { selectAnnotations } from '../../src/core/annotations.js'
import { evaluate } from '../../src/core/policy.js'
import { renderSummary } from '../../src/core/summary.js'
import { makeFinding } from '../support/findings.js'

const many = Array.from({ length: 3000 }, (_, i) =>
  makeFinding({ severity: i % 3 === 0 ? 'critical' : 'medium', ruleId: `R${i}`, message: 'm'.repeat(400), title: `title ${i} ${'t'.repeat(200)}` })
)
const report = evaluate({ command: 'gates', findings: many, errors: [], inputs: ['a.json'] }, { failOn: 'high' })

describe('job summary', () => {
  it('puts the verdict first and stays under the size cap', () => {
    const text = renderSummary(report, { maxBytes: 100_000 })
    expect(text.split('\n')[2]).toMatch(/FAIL/)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100_000)
    expect(text).toMatch(/more not shown here/)
  })

  it('lists blocking findings before others, most severe first', () => {
    const text = renderSummary(report)
    expect(text.indexOf('### Blocking findings')).toBeLessThan(text.indexOf('### Other findings'))
    expect(text).toContain('| 🟥 critical | [R0](')
  })

  it('escapes table-breaking characters', () => {
    const r = evaluate({ command: 'gates', findings: [makeFinding({ severity: 'low', title: 'a | b\nc' })], errors: [], inputs: ['x'] }, { failOn: 'high' })
    expect(renderSummary(r)).toContain('a \\| b c')
  })
})

describe('annotations', () => {
  it('respects the per-step limits and puts blocking findings as errors', () => {
    const list = selectAnnotations(report)
    expect(list.filter(a => a.level === 'error')).toHaveLength(10)
    expect(list.filter(a => a.level === 'warning')).toHaveLength(10)
    expect(list[0]!.title).toMatch(/^R0 \(critical\)/)
  })
})
