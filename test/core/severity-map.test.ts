import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SEVERITIES } from '../../src/core/severity.js'
import {
  SEVERITY_TABLE,
  mapSeverity,
  renderSeverityMappingDoc,
  sarifLevelSeverity,
  securitySeverity,
  securitySeverityBand
} from '../../src/core/severity-map.js'

describe('severity map', () => {
  it('maps each tool vocabulary, case-insensitively', () => {
    expect(mapSeverity('trivy', 'UNKNOWN')).toBe('info')
    expect(mapSeverity('trivy', 'critical')).toBe('critical')
    expect(mapSeverity('npm-audit', 'moderate')).toBe('medium')
    expect(mapSeverity('tfsec', 'ERROR')).toBe('high')
    expect(mapSeverity('tfsec', 'INFO')).toBe('low')
    expect(mapSeverity('semgrep', 'WARNING')).toBe('medium')
    expect(mapSeverity('semgrep', 'LOW')).toBe('low')
    expect(mapSeverity('checkov', 'null')).toBe('high')
    expect(mapSeverity('trivy', 'SEVERE')).toBeUndefined()
    expect(mapSeverity('npm-audit', 'moderately')).toBeUndefined()
  })

  it("GitHub's security-severity bands (>= 9.0 critical, >= 7.0 high, >= 4.0 medium, >= 0.1 low, else info)", () => {
    const cases: Array<[number, string]> = [
      [10, 'critical'], [9.0, 'critical'], [8.9, 'high'], [7.0, 'high'], [6.9, 'medium'], [4.0, 'medium'],
      [3.9, 'low'], [0.1, 'low'], [0.05, 'info'], [0, 'info'], [-1, 'info']
    ]
    for (const [score, severity] of cases) expect([score, securitySeverityBand(score)]).toEqual([score, severity])
  })

  it('security-severity: number, numeric string, or a word as Semgrep rule packs write it', () => {
    expect(securitySeverity(7.5)).toBe('high')
    expect(securitySeverity('9.5')).toBe('critical')
    expect(securitySeverity(' 5.3 ')).toBe('medium')
    expect(securitySeverity('CRITICAL')).toBe('critical')
    expect(securitySeverity('Medium')).toBe('medium')
    expect(securitySeverity('very bad')).toBeUndefined()
    expect(securitySeverity('')).toBeUndefined()
    expect(securitySeverity(null)).toBeUndefined()
    expect(securitySeverity(Number.NaN)).toBeUndefined()
  })

  it('SARIF levels', () => {
    expect(['error', 'warning', 'note', 'none'].map(l => sarifLevelSeverity(l))).toEqual(['high', 'medium', 'low', 'info'])
    expect(sarifLevelSeverity('fatal')).toBeUndefined()
  })

  it('every row maps to a product severity and no word is listed twice in a scheme', () => {
    const seen = new Set<string>()
    for (const row of SEVERITY_TABLE) {
      expect(SEVERITIES).toContain(row.severity)
      const key = `${row.scheme}:${row.value.toUpperCase()}`
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
    }
  })

  it('docs/severity-mapping.md is generated from the table and up to date', () => {
    const doc = readFileSync(new URL('../../docs/severity-mapping.md', import.meta.url), 'utf8')
    // Regenerate with renderSeverityMappingDoc() when this fails.
    expect(doc).toBe(renderSeverityMappingDoc())
    for (const row of SEVERITY_TABLE) expect(doc).toContain(`| \`${row.value}\` | ${row.severity} |`)
  })
})
