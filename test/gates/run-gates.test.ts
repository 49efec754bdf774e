import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeployGatesConfig, parseConfig } from '../../src/core/config.js'
import type { RunContext } from '../../src/core/context.js'
import { silentLogger } from '../../src/core/logger.js'
import { finalize } from '../../src/core/pipeline.js'
import { toJsonResult } from '../../src/core/write-outputs.js'
import { runGates } from '../../src/gates/index.js'

const FIXTURES = join(import.meta.dirname, '../fixtures')

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-gates-'))
  cpSync(join(FIXTURES, 'gates'), join(dir, 'gates'), { recursive: true })
  cpSync(join(FIXTURES, 'reports'), join(dir, 'reports'), { recursive: true })
  return dir
}

function ctxFor(dir: string, config = DeployGatesConfig.empty()): RunContext {
  return { workspace: dir, config, logger: silentLogger }
}

describe('runGates', () => {
  it('counts a Trivy secret and a Gitleaks secret on the same file and line once, naming both', async () => {
    const dir = workspace()
    const scan = await runGates(ctxFor(dir), { reports: ['gates/*.json'] })
    const secrets = scan.findings.filter(f => f.kind === 'secret')
    expect(secrets).toHaveLength(1)
    expect(secrets[0]!.sources).toEqual(['gitleaks', 'trivy'])
    expect(secrets[0]!.severity).toBe('critical')
    expect(scan.notices!.join('\n')).toMatch(/1 duplicate finding\(s\) merged/)
  })

  it('the same report read twice counts once', async () => {
    const dir = workspace()
    cpSync(join(dir, 'reports/trivy/image-two-packages.json'), join(dir, 'copy.json'))
    const once = await runGates(ctxFor(dir), { reports: ['reports/trivy/image-two-packages.json'] })
    const twice = await runGates(ctxFor(dir), { reports: ['reports/trivy/image-two-packages.json', 'copy.json'] })
    expect(once.findings.length).toBeGreaterThan(0)
    expect(twice.findings).toHaveLength(once.findings.length)
  })

  it('fails closed on a glob with no match, unless allow-missing; zero reports in all is still an error', async () => {
    const dir = workspace()
    const missing = finalize(await runGates(ctxFor(dir), { reports: ['nowhere/*.json', 'gates/trivy-secret.json'] }), DeployGatesConfig.empty())
    expect(missing.verdict).toBe('error')
    expect(missing.errors).toEqual([{ path: 'nowhere/*.json', message: expect.stringMatching(/matched no file/) }])
    const allowed = finalize(await runGates(ctxFor(dir), { reports: ['nowhere/*.json', 'gates/trivy-secret.json'], allowMissing: true }), DeployGatesConfig.empty())
    expect(allowed.verdict).toBe('fail')
    const nothing = finalize(await runGates(ctxFor(dir), { reports: ['nowhere/*.json'], allowMissing: true }), DeployGatesConfig.empty())
    expect(nothing.verdict).toBe('error')
  })

  it('a truncated report is an error naming the file; the other reports are still read; nothing is modified', async () => {
    const dir = workspace()
    const text = readFileSync(join(dir, 'gates/trivy-secret.json'), 'utf8')
    writeFileSync(join(dir, 'truncated.json'), text.slice(0, 200))
    const scan = await runGates(ctxFor(dir), { reports: ['truncated.json', 'gates/gitleaks-same-secret.json'] })
    expect(scan.errors).toHaveLength(1)
    expect(scan.errors[0]!.path).toBe('truncated.json')
    expect(scan.findings).toHaveLength(1)
    expect(finalize(scan, DeployGatesConfig.empty()).verdict).toBe('error')
    expect(readFileSync(join(dir, 'truncated.json'), 'utf8')).toBe(text.slice(0, 200))
  })

  it('baseline + new-only: known findings survive line shifts and do not block; a new one does', async () => {
    const dir = workspace()
    const first = finalize(await runGates(ctxFor(dir), { reports: ['gates/trivy-secret.json'] }), DeployGatesConfig.empty())
    expect(first.verdict).toBe('fail')
    writeFileSync(join(dir, 'baseline.json'), toJsonResult(first))

    // The same secret, moved down by ten lines (an unrelated edit above it).
    const shifted = JSON.parse(readFileSync(join(dir, 'gates/trivy-secret.json'), 'utf8')) as { Results: Array<{ Secrets: Array<{ StartLine: number; EndLine: number }> }> }
    shifted.Results[0]!.Secrets[0]!.StartLine = 13
    shifted.Results[0]!.Secrets[0]!.EndLine = 13
    writeFileSync(join(dir, 'shifted.json'), JSON.stringify(shifted))
    const again = finalize(await runGates(ctxFor(dir), { reports: ['shifted.json'], baseline: 'baseline.json', newOnly: true }), DeployGatesConfig.empty())
    expect(again.verdict).toBe('pass')
    expect(again.counts.critical).toBe(1)

    const withNew = finalize(
      await runGates(ctxFor(dir), { reports: ['shifted.json', 'reports/trivy/image-two-packages.json'], baseline: 'baseline.json', newOnly: true }),
      DeployGatesConfig.empty(),
      { failOn: 'low' }
    )
    expect(withNew.verdict).toBe('fail')
    expect(withNew.findings.filter(f => withNew.blocking.includes(f.fingerprint)).every(f => f.kind === 'vulnerability')).toBe(true)
  })

  it('a baseline that cannot be read is an error, never "everything is new" or "everything is known"', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'baseline.json'), '{"broken": ')
    const report = finalize(await runGates(ctxFor(dir), { reports: ['gates/trivy-secret.json'], baseline: 'baseline.json', newOnly: true }), DeployGatesConfig.empty())
    expect(report.verdict).toBe('error')
    expect(report.errors[0]!.path).toBe('baseline.json')
  })

  it('applies config suppressions with expiry, and per-tool thresholds', async () => {
    const dir = workspace()
    const config = parseConfig(
      [
        'policy:',
        '  fail-on: critical',
        '  sources:',
        '    gitleaks: { fail-on: info }',
        'suppressions:',
        '  - path: config/app.env',
        '    tool: trivy',
        '    reason: example credentials from the AWS docs',
        '    expires: 2099-01-01'
      ].join('\n'),
      '.github/deploy-gates.yml'
    )
    const report = finalize(await runGates(ctxFor(dir, config), { reports: ['gates/trivy-secret.json'] }), config)
    expect(report.verdict).toBe('pass')
    expect(report.findings[0]!.suppressed?.reason).toMatch(/AWS docs/)
    const expired = parseConfig(
      'suppressions:\n  - path: config/app.env\n    reason: example credentials\n    expires: 2020-01-01\n',
      '.github/deploy-gates.yml'
    )
    const after = finalize(await runGates(ctxFor(dir, expired), { reports: ['gates/trivy-secret.json'] }), expired)
    expect(after.verdict).toBe('fail')
    expect(after.notices.join('\n')).toMatch(/expired on 2020-01-01/)
  })
})
