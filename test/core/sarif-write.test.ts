import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { toSarif } from '../../src/core/sarif-write.js'
import { makeFinding } from '../support/findings.js'

const require = createRequire(import.meta.url)
const multitoolDir = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'))
const schema = JSON.parse(readFileSync(join(multitoolDir, 'sarif-2.1.0.json'), 'utf8')) as object

const findings = [
  makeFinding({ severity: 'critical', source: 'trivy', ruleId: 'CVE-2024-1', kind: 'vulnerability', path: 'app dir/package-lock.json', line: 3 }),
  makeFinding({ severity: 'high', source: 'container-lint', ruleId: 'CL-DF-001', path: 'Dockerfile', line: 12, fix: 'Add USER 10001' }),
  makeFinding({ severity: 'low', source: 'container-lint', ruleId: 'CL-DF-001', path: 'other/Dockerfile', suppressed: { reason: 'base image', origin: 'config' } })
]

describe('SARIF writer', () => {
  const { log } = toSarif(findings, { toolVersion: '0.1.0' })

  it('writes one run per source with rules looked up by id', () => {
    expect(log.runs.map(r => r.tool.driver.name).sort()).toEqual(['container-lint', 'trivy'])
    const lint = log.runs.find(r => r.tool.driver.name === 'container-lint')!
    expect(lint.tool.driver.rules).toHaveLength(1)
    expect(lint.results.every(r => lint.tool.driver.rules[r.ruleIndex]!.id === r.ruleId)).toBe(true)
    expect(lint.results[1]!.suppressions).toEqual([{ kind: 'external', justification: 'base image' }])
    expect(log.runs.find(r => r.tool.driver.name === 'trivy')!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('app%20dir/package-lock.json')
  })

  it('validates against the official SARIF 2.1.0 JSON schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
    const validate = ajv.compile(schema)
    const ok = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  function multitoolErrors(sarif: object): string[] {
    const tool = join(multitoolDir, 'Sarif.Multitool')
    chmodSync(tool, 0o755) // npm 11 skips the package's postinstall chmod
    const dir = mkdtempSync(join(tmpdir(), 'sarif-'))
    const file = join(dir, 'merged.sarif')
    const out = join(dir, 'validation.sarif')
    writeFileSync(file, JSON.stringify(sarif))
    execFileSync(tool, ['validate', file, '--level', 'Error;Warning', '--output', out, '--log', 'ForceOverwrite'], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      stdio: 'pipe'
    })
    const validation = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as {
      runs: Array<{ results?: Array<{ level?: string; ruleId?: string; message: { arguments?: string[] } }> }>
    }
    return validation.runs
      .flatMap(r => r.results ?? [])
      .filter(r => r.level === 'error')
      .map(r => `${r.ruleId} ${(r.message.arguments ?? []).join(' ')}`)
  }

  it('passes the SARIF multitool validate (which does catch a broken log)', () => {
    expect(existsSync(join(multitoolDir, 'Sarif.Multitool'))).toBe(true)
    expect(multitoolErrors(log)).toEqual([])
    const broken = { version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ ruleId: 'A' }] }] }
    expect(multitoolErrors(broken).length).toBeGreaterThan(0)
  }, 120_000)

  it('cuts to the per-run and runs-per-file limits, least severe first, and says so', () => {
    const many = Array.from({ length: 30 }, (_, i) => makeFinding({ severity: i < 5 ? 'critical' : 'low', ruleId: `R${i}`, source: 'semgrep' }))
    const tools = Array.from({ length: 4 }, (_, i) => makeFinding({ severity: 'medium', source: `tool${i}`, ruleId: `T${i}` }))
    const out = toSarif([...many, ...tools], { toolVersion: '0', limits: { resultsPerRun: 10, runsPerFile: 3, gzipBytes: 10 * 1024 * 1024 } })
    expect(out.log.runs).toHaveLength(3)
    const semgrep = out.log.runs.find(r => r.tool.driver.name === 'semgrep')!
    expect(semgrep.results).toHaveLength(10)
    expect(semgrep.results.slice(0, 5).every(r => r.level === 'error')).toBe(true)
    expect(out.truncated.join('\n')).toMatch(/semgrep: 20 least severe/)
    expect(out.truncated.join('\n')).toMatch(/2 source\(s\) left out/)
  })

  it('halves results until the gzip size fits', () => {
    const big = Array.from({ length: 200 }, (_, i) =>
      makeFinding({ severity: 'high', ruleId: `R${i}`, message: randomBytes(1500).toString('base64') })
    )
    const out = toSarif(big, { toolVersion: '0', limits: { resultsPerRun: 25_000, runsPerFile: 20, gzipBytes: 60_000 } })
    expect(out.log.runs[0]!.results.length).toBeLessThan(200)
    expect(out.truncated.length).toBe(1)
  })
})
