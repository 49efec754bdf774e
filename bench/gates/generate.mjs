// Builds benchmark inputs of realistic shape by replicating real scanner
// reports: the fixtures beside the project (../shared/fixtures/reports) when
// present, else the project's own. Each report file stays at most ~15 MB.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SHARED = join(import.meta.dirname, '../../../shared/fixtures/reports')
const OWN = join(import.meta.dirname, '../../test/fixtures/reports')
const MAX_FILE_BYTES = 15 * 1024 * 1024

function template(sharedPath, ownPath) {
  for (const file of [join(SHARED, sharedPath), join(OWN, ownPath)]) {
    if (existsSync(file)) return { file, data: JSON.parse(readFileSync(file, 'utf8')) }
  }
  throw new Error(`no template for ${sharedPath}: neither ${SHARED} nor ${OWN} has it`)
}

/** Mix of tools, as a pipeline scanning an image, the code and the repository produces. */
export const MIX = [
  ['trivy', 0.7],
  ['semgrep', 0.1],
  ['sarif', 0.1],
  ['gitleaks', 0.1]
]

function trivyReport(tpl, start, count) {
  const vulns = tpl.data.Results.flatMap(r => r.Vulnerabilities ?? [])
  const results = []
  for (let i = 0; i < count; i += 500) {
    const list = []
    for (let j = i; j < Math.min(count, i + 500); j++) {
      const v = vulns[(start + j) % vulns.length]
      const n = start + j
      list.push({ ...v, VulnerabilityID: `CVE-2099-${n}`, PkgName: `${v.PkgName}-${n % 997}`, PkgID: `${v.PkgName}-${n % 997}@${v.InstalledVersion}` })
    }
    results.push({ Target: `usr/lib/layer-${Math.floor((start + i) / 500)}`, Class: 'os-pkgs', Type: 'debian', Vulnerabilities: list })
  }
  return { ...tpl.data, Results: results }
}

function semgrepReport(tpl, start, count) {
  const base = tpl.data.results
  const results = Array.from({ length: count }, (_, j) => {
    const r = base[(start + j) % base.length]
    const n = start + j
    return { ...r, path: `src/module-${n}/${r.path.split('/').pop()}`, start: { ...r.start, line: (n % 900) + 1 }, end: { ...r.end, line: (n % 900) + 2 } }
  })
  return { ...tpl.data, results, errors: [] }
}

function sarifReport(tpl, start, count) {
  const run = tpl.data.runs[0]
  const base = run.results
  const results = Array.from({ length: count }, (_, j) => {
    const r = base[(start + j) % base.length]
    const n = start + j
    const loc = r.locations?.[0]
    return {
      ...r,
      locations: loc
        ? [{ ...loc, physicalLocation: { ...loc.physicalLocation, artifactLocation: { uri: `pkg/file-${n}.go` }, region: { startLine: (n % 800) + 1 } } }]
        : r.locations
    }
  })
  return { ...tpl.data, runs: [{ ...run, results }] }
}

function gitleaksReport(tpl, start, count) {
  const base = tpl.data
  return Array.from({ length: count }, (_, j) => {
    const r = base[(start + j) % base.length]
    const n = start + j
    return { ...r, File: `config/env-${n}.txt`, StartLine: (n % 400) + 1, EndLine: (n % 400) + 1, Fingerprint: `config/env-${n}.txt:${r.RuleID}:${n}` }
  })
}

/**
 * [template, builder, extension, indentation as each tool writes its report]: Trivy's JSON writer indents
 * by 2 spaces, gitleaks' by 1, grype's SARIF by 2 (as in the fixtures, which these tools wrote); Semgrep's
 * CLI writes its JSON on one line (the fixture was re-indented by whoever saved it).
 */
const BUILDERS = {
  trivy: [() => template('trivy/trivy-image-vulns.json', 'trivy/trivy-image-vulns.json'), trivyReport, 'json', 2],
  semgrep: [() => template('semgrep/semgrep-1.30-warnings.json', 'semgrep/semgrep.json'), semgrepReport, 'json', 0],
  sarif: [() => template('sarif-other/grype-0.34.7.sarif', 'sarif/grype.sarif'), sarifReport, 'sarif', 2],
  gitleaks: [() => template('gitleaks/gitleaks-v8-many.json', 'gitleaks/gitleaks-v8.json'), gitleaksReport, 'json', 1]
}

/** 'native': each tool's own layout (above); 'compact': every report on one line (the corpus of the first figures). */
export const LAYOUTS = ['native', 'compact']

/** Writes `total` findings across tools into dir; returns the files per tool. */
export function generate(dir, total, layout = 'native') {
  if (!LAYOUTS.includes(layout)) throw new Error(`unknown layout ${layout}: use one of ${LAYOUTS.join(', ')}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const files = {}
  const sources = {}
  for (const [tool, share] of MIX) {
    const [load, build, ext, nativeIndent] = BUILDERS[tool]
    const indent = layout === 'native' ? nativeIndent : 0
    const tpl = load()
    sources[tool] = tpl.file
    const want = Math.round(total * share)
    // Size one finding from a sample, then fill files up to ~15 MB each.
    const sample = JSON.stringify(build(tpl, 0, 200), null, indent).length / 200
    const perFile = Math.max(100, Math.floor((MAX_FILE_BYTES * 0.95) / sample))
    files[tool] = []
    for (let done = 0, index = 0; done < want; index++) {
      const count = Math.min(perFile, want - done)
      const file = join(dir, `${tool}-${String(index).padStart(3, '0')}.${ext === 'sarif' ? 'sarif' : 'json'}`)
      writeFileSync(file, `${JSON.stringify(build(tpl, done, count), null, indent)}\n`)
      files[tool].push(file)
      done += count
    }
  }
  return { files, sources }
}
