import { describe, expect, it } from 'vitest'
import {
  SarifShapeError,
  fileUriToPath,
  isSuppressed,
  looksLikeSarif,
  messageText,
  normalizeArtifactUri,
  primaryLocation,
  readRun,
  readSarifRuns,
  resolveRule,
  sarifSeverity
} from '../../src/core/sarif-read.js'

const rules = [
  { id: 'A', defaultConfiguration: { level: 'note' } },
  { id: 'B', defaultConfiguration: { level: 'error' }, properties: { 'security-severity': '9.1' } }
]
const run = readRun({ tool: { driver: { name: 'T', version: '1', rules } }, originalUriBaseIds: { SRC: { uri: 'file:///w/repo/' } } }, 0)

describe('SARIF reading', () => {
  it('validates the log header', () => {
    expect(readSarifRuns({ version: '2.1.0', runs: [] })).toEqual([])
    expect(() => readSarifRuns({ version: '2.1.0' })).toThrow(SarifShapeError)
    expect(() => readSarifRuns({ version: '2.0.0', runs: [] })).toThrow(/unsupported SARIF version "2.0.0"/)
    expect(() => readSarifRuns([])).toThrow(/not a SARIF log/)
    expect(looksLikeSarif({ version: '2.1.0', runs: [] })).toBe(true)
    expect(looksLikeSarif({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [] })).toBe(true)
    expect(looksLikeSarif({ runs: [] })).toBe(false)
  })

  it('reads the run header', () => {
    expect(run).toMatchObject({ driverName: 'T', driverVersion: '1', executionFailed: false })
    expect(run.baseUris.get('SRC')).toBe('/w/repo/')
    expect(() => readRun({ tool: {} }, 2)).toThrow(/runs\[2\]\.tool\.driver\.name is missing/)
  })

  it('finds rules by ruleId and trusts ruleIndex only when it agrees', () => {
    expect(resolveRule(run, { ruleId: 'B', ruleIndex: 0 }).rule?.id).toBe('B')
    expect(resolveRule(run, { ruleId: 'A', ruleIndex: 0 }).rule?.id).toBe('A')
    expect(resolveRule(run, { ruleIndex: 1 })).toMatchObject({ ruleId: 'B' })
    expect(resolveRule(run, { rule: { id: 'A' } }).rule?.id).toBe('A')
    expect(resolveRule(run, { ruleId: 'missing', ruleIndex: 1 })).toEqual({ ruleId: 'missing', rule: undefined })
  })

  it('severity order: security-severity, level, rule default level, warning', () => {
    expect(sarifSeverity({ ruleId: 'B', level: 'note' }, rules[1]).severity).toBe('critical')
    expect(sarifSeverity({ properties: { 'security-severity': 'LOW' } }, rules[1])).toEqual({ severity: 'low', origin: 'security-severity' })
    expect(sarifSeverity({ level: 'warning' }, rules[0])).toEqual({ severity: 'medium', origin: 'level' })
    expect(sarifSeverity({}, rules[0])).toEqual({ severity: 'low', origin: 'default-level' })
    expect(sarifSeverity({ properties: { 'security-severity': 'n/a' } }, undefined)).toEqual({ severity: 'medium', origin: 'sarif-default' })
    expect(() => sarifSeverity({ level: 'fatal' }, undefined)).toThrow(SarifShapeError)
  })

  it('normalises artifact URIs', () => {
    expect(fileUriToPath('file:///C:/a%20b/c.txt')).toBe('/C:/a b/c.txt')
    expect(normalizeArtifactUri('file:///w/repo/src/x.ts', run.baseUris, 'SRC')).toBe('src/x.ts')
    expect(normalizeArtifactUri('file:///w/repo/src/x.ts', run.baseUris)).toBe('src/x.ts')
    expect(normalizeArtifactUri('file:///elsewhere/x.ts', run.baseUris)).toBe('/elsewhere/x.ts')
    expect(normalizeArtifactUri('./src/a%2Bb.ts')).toBe('src/a+b.ts')
    expect(normalizeArtifactUri('src\\win\\path.ts')).toBe('src/win/path.ts')
    expect(normalizeArtifactUri('bad%zzescape.ts')).toBe('bad%zzescape.ts')
  })

  it('reads the primary location', () => {
    const result = { locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts' }, region: { startLine: 4, endLine: 6, startColumn: 2, snippet: { text: 'x' } } } }] }
    expect(primaryLocation(run, result)).toEqual({ path: 'a.ts', line: 4, endLine: 6, column: 2, snippet: 'x' })
    expect(primaryLocation(run, { locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts' }, region: { startLine: 0 } } }] })?.line).toBe(1)
    expect(primaryLocation(run, {})).toBeUndefined()
  })

  it('suppressions and baselineState', () => {
    expect(isSuppressed({ suppressions: [{ kind: 'inSource' }] })).toBe(true)
    expect(isSuppressed({ suppressions: [] })).toBe(false)
    expect(isSuppressed({ suppressions: [{ kind: 'external', status: 'rejected' }] })).toBe(false)
    expect(isSuppressed({ baselineState: 'absent' })).toBe(true)
    expect(isSuppressed({ baselineState: 'new' })).toBe(false)
  })

  it('message text from messageStrings with arguments', () => {
    const rule = { id: 'R', messageStrings: { default: { text: 'Use {0} not {1}; {2}' } } }
    expect(messageText({ message: { id: 'default', arguments: ['a', 'b'] } }, rule)).toBe('Use a not b; {2}')
    expect(messageText({ message: { id: 'toString' } }, rule)).toBeUndefined()
  })
})
