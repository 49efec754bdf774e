import { describe, expect, it } from 'vitest'
import { lintManifestTexts } from '../../../src/container-lint/k8s/lint.js'
import { lintAll, only } from './helpers.js'
import { DEFAULT_DENY, workload } from './workload-fixture.js'

const policy = (ns: string, selector = '{}'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: ${ns} }\nspec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n`

describe('NetworkPolicy rules are decided over all files, per namespace', () => {
  it('a policy in another file covers the workload (never file by file)', () => {
    const findings = lintAll(workload(), DEFAULT_DENY)
    expect(only(findings, 'CL-K8S-025')).toEqual([])
    expect(only(findings, 'CL-K8S-026')).toEqual([])
  })

  it('a policy in another namespace does not', () => {
    const findings = lintAll(workload(), policy('other'))
    expect(only(findings, 'CL-K8S-025')).toHaveLength(1)
    expect(only(findings, 'CL-K8S-026')).toHaveLength(1)
  })

  it('reports the missing default-deny once per namespace, not once per workload or file', () => {
    const findings = lintAll(workload({ name: 'a' }), workload({ name: 'b' }), workload({ name: 'c', namespace: 'payments' }))
    const deny = only(findings, 'CL-K8S-026')
    expect(deny.map(f => f.message).sort()).toEqual([
      expect.stringContaining('namespace payments has 1 workload(s)'),
      expect.stringContaining('namespace shop has 2 workload(s)')
    ])
    expect(only(findings, 'CL-K8S-025')).toHaveLength(3)
  })

  it('objects without a namespace form their own group', () => {
    const noNs = workload().replace(/ *namespace: shop\n/, '')
    expect(only(lintAll(noNs, DEFAULT_DENY), 'CL-K8S-025')).toHaveLength(1)
    expect(only(lintAll(noNs, DEFAULT_DENY.replace(', namespace: shop', '')), 'CL-K8S-025')).toHaveLength(0)
  })

  it('a label-selecting policy covers only matching pods', () => {
    const findings = lintAll(workload({ name: 'web' }), policy('shop', '{ matchLabels: { app: web } }'))
    expect(only(findings, 'CL-K8S-025')).toEqual([])
    // …but it is not a default-deny for the namespace.
    expect(only(findings, 'CL-K8S-026')).toHaveLength(1)
    const other = lintAll(workload().replace('labels: { app: web }', 'labels: { app: api }'), policy('shop', '{ matchLabels: { app: web } }'))
    expect(only(other, 'CL-K8S-025')).toHaveLength(1)
  })

  it('matchExpressions NotIn / DoesNotExist', () => {
    expect(only(lintAll(workload(), policy('shop', '{ matchExpressions: [{ key: app, operator: NotIn, values: [web] }] }')), 'CL-K8S-025')).toHaveLength(1)
    expect(only(lintAll(workload(), policy('shop', '{ matchExpressions: [{ key: tier, operator: DoesNotExist }] }')), 'CL-K8S-025')).toHaveLength(0)
  })

  it('the result does not depend on file order', () => {
    const a = lintAll(workload(), DEFAULT_DENY).map(f => f.fingerprint)
    const b = lintAll(DEFAULT_DENY, workload()).map(f => f.fingerprint)
    expect(a.sort()).toEqual(b.sort())
  })
})

describe('container-lint.io/ignore annotation', () => {
  it('suppresses the listed rules on that object, with the reason, and nothing else', () => {
    const text = workload({ sc: 'privileged: true', annotations: 'container-lint.io/ignore: "CL-K8S-007,CL-K8S-005 -- legacy agent, tracked in OPS-12"' })
    const findings = lintAll(text)
    const ro = only(findings, 'CL-K8S-007')
    expect(ro).toHaveLength(1)
    expect(ro[0]!.suppressed?.reason).toBe('legacy agent, tracked in OPS-12')
    expect(ro[0]!.suppressed?.origin).toMatch(/container-lint\.io\/ignore .*m0\.yaml:\d+/)
    expect(only(findings, 'CL-K8S-005')[0]!.suppressed).toBeDefined()
    expect(only(findings, 'CL-K8S-001')[0]!.suppressed).toBeUndefined()
  })

  it('works on the pod template metadata too and only for that object', () => {
    const ignored = workload({ name: 'a', sc: 'privileged: true' }).replace('labels: { app: web }', 'labels: { app: web }\n      annotations: { container-lint.io/ignore: CL-K8S-001 }')
    const findings = lintAll(ignored, workload({ name: 'b', sc: 'privileged: true' }))
    expect(only(findings, 'CL-K8S-001').map(f => [f.properties?.objectName, f.suppressed !== undefined])).toEqual([
      ['a', true],
      ['b', false]
    ])
  })

  it('notes unknown rule ids in the annotation', () => {
    const out = lintManifestTexts([{ path: 'x.yaml', text: workload({ annotations: 'container-lint.io/ignore: CL-K8S-999' }) }], { isEnabled: () => true })
    expect(out.notices.join('\n')).toMatch(/unknown rule CL-K8S-999/)
  })
})

describe('findings', () => {
  it('fingerprints ignore line shifts but tell containers and objects apart', () => {
    const a = only(lintAll(workload({ sc: 'privileged: true' })), 'CL-K8S-001')[0]!
    const b = only(lintAll(`# a comment\n\n${workload({ sc: 'privileged: true' })}`), 'CL-K8S-001')[0]!
    expect(a.line).not.toBe(b.line)
    expect(a.fingerprint).toBe(b.fingerprint)
    const c = only(lintAll(workload({ name: 'other', sc: 'privileged: true' })), 'CL-K8S-001')[0]!
    expect(c.fingerprint).not.toBe(a.fingerprint)
  })

  it('honours isEnabled (off rules stay off unless enabled)', () => {
    const text = workload({ extra: 'resources: { requests: { cpu: 1 } }' })
    const defaults = lintManifestTexts([{ path: 'x.yaml', text }], { isEnabled: r => r.enabledByDefault !== false }).findings
    expect(only(defaults, 'CL-K8S-018')).toEqual([])
    expect(only(lintAll(text), 'CL-K8S-018')).toHaveLength(1)
  })

  it('maps the catalogue grades: error → high, warning → medium, info → low, with graver cases raised', () => {
    const findings = lintAll(workload({ sc: 'allowPrivilegeEscalation: true\ncapabilities: { drop: [ALL], add: [SYS_ADMIN, IPC_LOCK] }' }))
    expect(only(findings, 'CL-K8S-002')[0]!.severity).toBe('high')
    expect(only(findings, 'CL-K8S-006').map(f => f.severity)).toEqual(['high', 'medium'])
    expect(only(findings, 'CL-K8S-007')[0]!.severity).toBe('medium')
  })
})
