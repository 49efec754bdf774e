import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runContainerLint } from '../../src/container-lint/index.js'
import { DeployGatesConfig, parseConfig } from '../../src/core/config.js'
import type { RunContext } from '../../src/core/context.js'
import { ConfigError } from '../../src/core/errors.js'
import type { Finding } from '../../src/core/finding.js'
import { silentLogger } from '../../src/core/logger.js'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/container-lint')
let workspace: string

beforeAll(() => {
  // A copy, so that the test can add files git should not hold (node_modules, a 12 MB file, a binary).
  workspace = mkdtempSync(join(tmpdir(), 'container-lint-'))
  cpSync(FIXTURE, workspace, { recursive: true })
  mkdirSync(join(workspace, 'node_modules/dep'), { recursive: true })
  writeFileSync(join(workspace, 'node_modules/dep/Dockerfile'), 'FROM ubuntu\n')
  mkdirSync(join(workspace, '.git'), { recursive: true })
  writeFileSync(join(workspace, '.git/config.yaml'), 'apiVersion: v1\nkind: Pod\n')
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function ctx(configText?: string): RunContext {
  return { workspace, config: configText ? parseConfig(configText, '.github/deploy-gates.yml') : DeployGatesConfig.empty(), logger: silentLogger }
}

const ids = (findings: Finding[], path?: string): string[] => [...new Set(findings.filter(f => !path || f.path === path).map(f => f.ruleId))].sort()

describe('runContainerLint over a fixture tree', () => {
  it('discovers Dockerfiles and manifests, skips node_modules/.git, non-Kubernetes YAML and raw templates', async () => {
    const result = await runContainerLint(ctx(), { paths: ['.'] })
    expect(result.command).toBe('container-lint')
    expect(result.errors).toEqual([])
    expect(result.inputs.sort()).toEqual(['app/Dockerfile', 'app/Dockerfile.prod', 'k8s/deploy.yaml', 'k8s/list.json', 'k8s/netpol.yaml', 'rendered/all.yaml'])
    expect(result.notices?.join('\n')).toMatch(/chart\/templates\/deployment\.yaml: skipped an unrendered template/)
    expect(result.findings.some(f => f.path.startsWith('node_modules') || f.path.startsWith('chart/'))).toBe(false)
  })

  it('lints both halves, reports the broken document and still lints the rest of its file', async () => {
    const { findings } = await runContainerLint(ctx(), { paths: ['.'] })
    expect(ids(findings, 'app/Dockerfile')).toEqual(expect.arrayContaining(['CL-DF-001', 'CL-DF-003']))
    const deploy = findings.filter(f => f.path === 'k8s/deploy.yaml')
    expect(deploy.filter(f => f.ruleId === 'CL-K8S-000').map(f => f.line)).toEqual([25])
    expect(deploy.find(f => f.ruleId === 'CL-K8S-001')?.line).toBe(18)
    // The default-deny policy lives in another file of the set.
    const shop = findings.filter(f => f.path.startsWith('k8s/'))
    expect(ids(shop)).not.toContain('CL-K8S-025')
    expect(ids(shop)).not.toContain('CL-K8S-026')
    // rendered/all.yaml sets no namespace: no policy covers that group.
    expect(findings.filter(f => f.ruleId === 'CL-K8S-025').map(f => f.path)).toEqual(['rendered/all.yaml'])
    // The ServiceAccount "default" in deploy.yaml disables automount for the Deployment…
    expect(deploy.filter(f => f.ruleId === 'CL-K8S-024')).toEqual([])
    // …while the List item in list.json gets its own findings with JSON line numbers.
    expect(findings.find(f => f.path === 'k8s/list.json' && f.ruleId === 'CL-K8S-010')?.line).toBe(10)
    for (const f of findings) {
      expect(f.source).toBe('container-lint')
      expect(f.helpUri).toMatch(/docs\/rules\/container-lint\.md#cl-(df|k8s)-\d{3}$/)
    }
  })

  it('honours the ignore annotation in Helm-rendered output and keeps the Source path', async () => {
    const { findings } = await runContainerLint(ctx(), { paths: ['rendered'] })
    const ro = findings.find(f => f.ruleId === 'CL-K8S-007')!
    expect(ro.suppressed?.reason).toMatch(/SHOP-42/)
    expect(ro.properties?.helmSource).toBe('frontend/templates/deployment.yaml')
    expect(findings.find(f => f.ruleId === 'CL-K8S-001')).toBeUndefined()
  })

  it('always lints an explicitly named file, whatever its name or folder', async () => {
    writeFileSync(join(workspace, 'node_modules/dep/pod.txt'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostIPC: true\n  containers: [{name: c, image: "a:1"}]\n')
    const result = await runContainerLint(ctx(), { paths: ['node_modules/dep/Dockerfile', 'node_modules/dep/pod.txt'] })
    expect(result.inputs).toEqual(['node_modules/dep/Dockerfile', 'node_modules/dep/pod.txt'])
    expect(ids(result.findings, 'node_modules/dep/pod.txt')).toContain('CL-K8S-011')
    expect(ids(result.findings, 'node_modules/dep/Dockerfile')).toContain('CL-DF-004')
  })

  it('treats glob matches as discovered files: a raw Helm template is skipped, an explicit one is linted', async () => {
    const globbed = await runContainerLint(ctx(), { paths: ['chart/**'] })
    expect(globbed.inputs).toEqual([])
    expect(globbed.notices?.join('\n')).toMatch(/unrendered template/)
    const named = await runContainerLint(ctx(), { paths: ['chart/templates/deployment.yaml'] })
    expect(named.inputs).toEqual(['chart/templates/deployment.yaml'])
    expect(named.findings.find(f => f.ruleId === 'CL-K8S-000')?.message).toMatch(/helm template/)
  })

  it('reports a missing path as an error, never as a clean result', async () => {
    const result = await runContainerLint(ctx(), { paths: ['does/not/exist'] })
    expect(result.errors).toEqual([{ path: 'does/not/exist', message: 'file or directory not found' }])
    expect(result.inputs).toEqual([])
  })

  it('refuses a binary Dockerfile and a file over 10 MB with a clear finding, and lints the rest', async () => {
    const dir = join(workspace, 'bad')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${'x'.repeat(12 * 1024 * 1024)}"\n`
    writeFileSync(join(dir, 'big.yaml'), big)
    writeFileSync(join(dir, 'data.json'), `[${'1,'.repeat(6 * 1024 * 1024)}1]`)
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: [{name: c, image: "a:1"}]\n')
    const result = await runContainerLint(ctx(), { paths: ['bad'] })
    const df000 = result.findings.find(f => f.ruleId === 'CL-DF-000')!
    expect(df000.path).toBe('bad/Dockerfile')
    expect(df000.message).toMatch(/binary/)
    const k000 = result.findings.filter(f => f.ruleId === 'CL-K8S-000')
    expect(k000.map(f => f.path)).toEqual(['bad/big.yaml'])
    expect(k000[0]!.message).toMatch(/larger than the 10\.0 MiB limit/)
    // A huge data file that is not a manifest is skipped with a notice, not a finding.
    expect(result.notices?.join('\n')).toMatch(/bad\/data\.json: skipped/)
    expect(ids(result.findings, 'bad/pod.yaml')).toContain('CL-K8S-010')
    rmSync(dir, { recursive: true })
  })
})

describe('configuration (container-lint section)', () => {
  it('disables, enables and re-grades rules by id', async () => {
    const config = `container-lint:\n  rules:\n    CL-K8S-001: off\n    CL-K8S-007: { severity: low }\n    CL-K8S-018: on\n    CL-K8S-022: false\n`
    const { findings } = await runContainerLint(ctx(config), { paths: ['k8s'] })
    expect(ids(findings)).not.toContain('CL-K8S-001')
    expect(ids(findings)).not.toContain('CL-K8S-022')
    expect(findings.filter(f => f.ruleId === 'CL-K8S-007').every(f => f.severity === 'low')).toBe(true)
    expect(findings.filter(f => f.ruleId === 'CL-K8S-007')).not.toHaveLength(0)
    expect(ids(findings)).toContain('CL-K8S-018')
  })

  it('re-grades Dockerfile rules too, and passes allowed registries through', async () => {
    const { findings } = await runContainerLint(ctx('container-lint:\n  rules:\n    CL-DF-001: critical\n  allowed-registries: [registry.example.com]\n'), { paths: ['app/Dockerfile'] })
    expect(findings.find(f => f.ruleId === 'CL-DF-001')?.severity).toBe('critical')
  })

  it('applies paths/exclude globs to discovered files only', async () => {
    const result = await runContainerLint(ctx('container-lint:\n  exclude: ["rendered/**", "**/*.json"]\n'), { paths: ['.'] })
    expect(result.inputs.sort()).toEqual(['app/Dockerfile', 'app/Dockerfile.prod', 'k8s/deploy.yaml', 'k8s/netpol.yaml'])
    const only = await runContainerLint(ctx('container-lint:\n  paths: ["k8s/**"]\n'), { paths: ['.', 'app/Dockerfile'] })
    expect(only.inputs.sort()).toEqual(['app/Dockerfile', 'k8s/deploy.yaml', 'k8s/list.json', 'k8s/netpol.yaml'])
  })

  it('rejects an unknown rule id with the config line', async () => {
    const text = 'container-lint:\n  rules:\n    CL-K8S-007: off\n    CL-K8S-099: off\n'
    await expect(runContainerLint(ctx(text), { paths: ['.'] })).rejects.toThrow(ConfigError)
    await expect(runContainerLint(ctx(text), { paths: ['.'] })).rejects.toThrow(/deploy-gates\.yml:4: .*unknown rule CL-K8S-099/)
  })

  it('rejects a bad severity and unknown keys', async () => {
    await expect(runContainerLint(ctx('container-lint:\n  rules:\n    CL-K8S-007: { severity: severe }\n'), { paths: ['.'] })).rejects.toThrow(ConfigError)
    await expect(runContainerLint(ctx('container-lint:\n  registries: [a]\n'), { paths: ['.'] })).rejects.toThrow(/unknown key "registries"/)
  })
})
