import { describe, expect, it } from 'vitest'
import { checkKubernetes } from '../../../src/rollback-verify/k8s/check.js'
import { fixtureContext } from '../helpers.js'

const ctx = fixtureContext()
const at = (findings: Array<{ ruleId: string; line: number }>, id: string) => findings.filter(f => f.ruleId === id).map(f => f.line)

describe('RV-K8S / RV-AN on manifests', () => {
  it('passes a guarded canary, its template and a rolling deployment', async () => {
    const r = await checkKubernetes(ctx, ['k8s/good.yaml'], {})
    expect(r.errors).toEqual([])
    expect(r.findings).toEqual([])
    expect(r.inputs).toEqual(['k8s/good.yaml'])
    expect(r.section?.markdown).toContain('| Rollout api-rollout | k8s/good.yaml | canary | Low | Fast |')
    expect(r.section?.markdown).toContain('| Deployment worker | k8s/good.yaml | rolling | Medium | Medium |')
  })

  it('flags the seed example only for its unguarded result[0]', async () => {
    const r = await checkKubernetes(ctx, ['k8s/seed-canary.yaml'], {})
    expect(r.findings.map(f => f.ruleId)).toEqual(['RV-AN-001'])
    expect(r.findings[0]?.line).toBe(36)
    expect(r.findings[0]?.message).toContain('len(result) > 0')
  })

  it('reports every readiness problem at the offending line', async () => {
    const r = await checkKubernetes(ctx, ['k8s/bad.yaml'], {})
    expect(r.errors).toEqual([])
    const f = r.findings
    expect(at(f, 'RV-K8S-001')).toEqual([8])
    expect(at(f, 'RV-K8S-002')).toEqual([14])
    expect(at(f, 'RV-K8S-003')).toEqual([11])
    expect(at(f, 'RV-K8S-004').sort((a, b) => a - b)).toEqual([9, 29])
    expect(at(f, 'RV-K8S-005')).toEqual([16, 18])
    expect(at(f, 'RV-K8S-006')).toEqual([28])
    expect(at(f, 'RV-K8S-007')).toEqual([28])
    expect(at(f, 'RV-K8S-008')).toEqual([44])
    expect(at(f, 'RV-K8S-009')).toEqual([68])
    expect(at(f, 'RV-AN-002')).toEqual([83])
    expect(at(f, 'RV-AN-003')).toEqual([88])
    expect(at(f, 'RV-AN-004')).toEqual([93])
    expect(at(f, 'RV-AN-005')).toEqual([100])
    expect(at(f, 'RV-AN-006')).toEqual([101])
    expect(at(f, 'RV-AN-007')).toEqual([102])
    expect(f.every(x => x.source === 'rollback-verify' && x.helpUri.endsWith(`#${x.ruleId.toLowerCase()}`))).toBe(true)
    // The job provider decides by exit code: no condition needed.
    expect(f.some(x => x.message.includes('job-check'))).toBe(false)
  })

  it('honours config: gitops, environment, disable, severity, min-success-rate', async () => {
    const r = await checkKubernetes(ctx, ['k8s/bad.yaml'], {
      gitops: true,
      environment: 'staging',
      disable: ['RV-K8S-005'],
      severity: { 'RV-K8S-002': 'high' },
      'min-success-rate': 0.8
    })
    const ids = new Set(r.findings.map(f => f.ruleId))
    expect(ids.has('RV-K8S-001')).toBe(false)
    expect(ids.has('RV-K8S-003')).toBe(false)
    expect(ids.has('RV-K8S-005')).toBe(false)
    expect(ids.has('RV-AN-006')).toBe(false)
    expect(r.findings.find(f => f.ruleId === 'RV-K8S-002')?.severity).toBe('high')
  })

  it('treats a staging namespace as non-production and honours inline ignores', async () => {
    const r = await checkKubernetes(ctx, ['k8s/dev-recreate.yaml'], {})
    expect(r.findings.find(f => f.ruleId === 'RV-K8S-003')).toBeUndefined()
    expect(r.findings.find(f => f.ruleId === 'RV-K8S-002')?.suppressed?.reason).toBe('preview env has no health endpoint yet')
  })

  it('expands kind: List items (kubectl get -o yaml) and skips readiness on kustomize patches', async () => {
    const r = await checkKubernetes(ctx, ['k8s/list.yaml', 'k8s/patch.yaml'], {})
    expect(r.errors).toEqual([])
    expect(r.findings.map(f => `${f.ruleId}@${f.path}:${f.line}`).sort()).toEqual([
      'RV-K8S-001@k8s/list.yaml:9',
      'RV-K8S-002@k8s/list.yaml:15',
      'RV-K8S-005@k8s/patch.yaml:11'
    ])
    expect(r.section?.markdown).toContain('| Deployment api | k8s/list.yaml | rolling |')
  })

  it('downgrades Recreate to info when the pod mounts a ReadWriteOnce claim', async () => {
    const r = await checkKubernetes(ctx, ['k8s/rwo.yaml'], {})
    expect(r.findings.map(f => [f.ruleId, f.severity, f.line])).toEqual([['RV-K8S-003', 'info', 15]])
  })

  it('fails closed on a broken manifest', async () => {
    const r = await checkKubernetes(ctx, ['k8s/broken.yaml', 'k8s/missing.yaml'], {})
    expect(r.errors.map(e => e.path)).toEqual(['k8s/broken.yaml', 'k8s/missing.yaml'])
    expect(r.errors[0]?.message).toMatch(/^line \d+:/)
  })
})
