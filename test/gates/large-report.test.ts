/**
 * Reports over 1 MiB go the lazy way through runGates (one reused read
 * buffer, findings arrays read a run at a time). Several large reports in one
 * run — the buffer is reused from file to file — must give what the
 * whole-text parse gives, report by report, and a broken large report must
 * still be an error naming the file and the position.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeployGatesConfig } from '../../src/core/config.js'
import type { Logger } from '../../src/core/logger.js'
import { silentLogger } from '../../src/core/logger.js'
import { runGates } from '../../src/gates/index.js'
import { LAZY_MIN_BYTES, parseReport } from '../../src/gates/parse.js'

// The real Trivy image report beside the project when present, else the project's own small one.
const SHARED_TRIVY = join(import.meta.dirname, '../../../shared/fixtures/reports/trivy/trivy-image-vulns.json')
const OWN_TRIVY = join(import.meta.dirname, '../fixtures/reports/trivy/image-two-packages.json')
const TEMPLATE = existsSync(SHARED_TRIVY) ? SHARED_TRIVY : OWN_TRIVY
if (TEMPLATE === OWN_TRIVY) console.warn(`large reports: ${SHARED_TRIVY} is absent, replicating the project's own Trivy fixture`)

interface TrivyDoc {
  Results: Array<{ Target: string; Vulnerabilities?: Array<Record<string, unknown>> }>
}

/** A Trivy report above the lazy threshold: the fixture's vulnerabilities replicated under distinct ids. */
function largeTrivy(seed: number): string {
  const doc = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as TrivyDoc
  const template = doc.Results.flatMap(r => r.Vulnerabilities ?? [])
  const vulnerabilities = Array.from({ length: 2500 }, (_, i) => ({
    ...template[i % template.length],
    VulnerabilityID: `CVE-2099-${seed}${i}`,
    Description: `padding so that the report is large ${'x'.repeat(300)} "quoted" \\ escaped ✓`
  }))
  doc.Results = [{ ...doc.Results[0]!, Target: `image-${seed} (debian 12)`, Vulnerabilities: vulnerabilities }]
  return JSON.stringify(doc, null, 2)
}

function recordingLogger(lines: string[]): Logger {
  return { ...silentLogger, info: (message: string) => void lines.push(message) }
}

describe('large reports', () => {
  it('are streamed, and each one gives exactly the whole-text findings (buffer reused across files)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-large-'))
    const texts = [1, 2, 3].map(largeTrivy)
    texts.forEach((text, i) => writeFileSync(join(dir, `trivy-${i}.json`), text))
    expect(Buffer.byteLength(texts[0]!)).toBeGreaterThan(LAZY_MIN_BYTES)
    const lines: string[] = []
    const scan = await runGates({ workspace: dir, config: DeployGatesConfig.empty(), logger: recordingLogger(lines) }, { reports: ['trivy-*.json'] })
    expect(scan.errors).toEqual([])
    expect(lines.filter(l => l.includes('read one run at a time'))).toHaveLength(3)
    const expected = texts.flatMap((text, i) => parseReport(text, `trivy-${i}.json`).findings)
    expect(scan.findings).toHaveLength(7500)
    expect(scan.findings).toEqual(expected)
  })

  it('a large report broken near its end is an error naming the file and the position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-large-'))
    const text = largeTrivy(7)
    const at = text.lastIndexOf('"VulnerabilityID"')
    writeFileSync(join(dir, 'broken.json'), `${text.slice(0, at)}"VulnerabilityID" "missing colon"${text.slice(at + '"VulnerabilityID":'.length)}`)
    writeFileSync(join(dir, 'cut.json'), text.slice(0, Math.floor(text.length * 0.9)))
    const scan = await runGates({ workspace: dir, config: DeployGatesConfig.empty(), logger: silentLogger }, { reports: ['broken.json', 'cut.json'] })
    expect(scan.findings).toEqual([])
    expect(scan.errors.map(e => e.path)).toEqual(['broken.json', 'cut.json'])
    expect(scan.errors[0]!.message).toMatch(/invalid JSON at line \d+, column \d+: expected ':'/)
    expect(scan.errors[1]!.message).toMatch(/invalid JSON at line \d+, column \d+: .*truncated/)
  })
})
