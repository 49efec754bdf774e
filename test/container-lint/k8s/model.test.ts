import { describe, expect, it } from 'vitest'
import { lineOf, parseManifestFile } from '../../../src/container-lint/k8s/model.js'
import { effective, workloadOf } from '../../../src/container-lint/k8s/workload.js'
import { lintAll, only } from './helpers.js'
import { workload } from './workload-fixture.js'

describe('parseManifestFile', () => {
  it('reads every document of a stream, skipping empty ones, comments and non-Kubernetes YAML quietly', () => {
    const text = `# leading comment\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n---\nfoo: bar\n---\n- 1\n- 2\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n  namespace: x\n...\n`
    const file = parseManifestFile(text, 'a.yaml')
    expect(file.problems).toEqual([])
    expect(file.objects.map(o => `${o.kind}/${o.namespace ?? '-'}/${o.name}@${o.line}`)).toEqual(['ConfigMap/-/a@6', 'Secret/x/b@15'])
  })

  it('reports a broken document (CL-K8S-000 with its line) and still lints the other documents', () => {
    const text = `${workload({ sc: 'privileged: true' })}---\napiVersion: v1\nkind: Pod\nmetadata: { name: broken\nspec: {}\n---\n${workload({ name: 'third', sc: 'privileged: true' })}`
    const findings = lintAll(text)
    const parse = only(findings, 'CL-K8S-000')
    expect(parse).toHaveLength(1)
    expect(parse[0]!.line).toBeGreaterThan(30)
    expect(parse[0]!.message).toMatch(/m0\.yaml/)
    expect(only(findings, 'CL-K8S-001').map(f => f.properties?.objectName)).toEqual(['web', 'third'])
  })

  it('does not report broken YAML that is not Kubernetes at all', () => {
    const file = parseManifestFile('foo: [unclosed\nbar: 1\n', 'values.yaml')
    expect(file.problems).toEqual([])
    expect(file.looksLikeKubernetes).toBe(false)
  })

  it('says so when the document is an unrendered Helm template', () => {
    const file = parseManifestFile('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }\n  {{- include "x" . | nindent 4 }}\n', 't.yaml')
    expect(file.problems[0]?.message).toMatch(/helm template/)
  })

  it('expands kind: List and *List items with their own lines', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p1\n    spec:\n      containers:\n        - name: c\n          image: nginx\n          securityContext:\n            privileged: true\n  - apiVersion: apps/v1\n    kind: DeploymentList\n    items: []\n`
    const file = parseManifestFile(text, 'list.yaml')
    expect(file.objects.map(o => o.name)).toEqual(['p1'])
    expect(only(lintAll(text), 'CL-K8S-001').map(f => f.line)).toEqual([13])
  })

  it('reads JSON manifests (kubectl get -o json) with line numbers', () => {
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx:1' }] } }] },
      null,
      2
    )
    const hits = only(lintAll(json), 'CL-K8S-009')
    expect(hits).toHaveLength(1)
    expect(json.split('\n')[hits[0]!.line - 1]).toContain('"hostNetwork": true')
  })

  it('reads flow-style YAML with trailing commas and keeps the Helm "# Source:" path', () => {
    const text = '---\n# Source: chart/templates/pod.yaml\n{apiVersion: v1, kind: Pod, metadata: {name: f,}, spec: {hostPID: true, containers: [{name: c, image: "nginx:1"},]},}\n'
    const hits = only(lintAll(text), 'CL-K8S-010')
    expect(hits).toHaveLength(1)
    expect(hits[0]!.properties?.helmSource).toBe('chart/templates/pod.yaml')
  })

  it('resolves anchors, aliases and merge keys; duplicate keys: the last wins, with a notice', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: m }\nspec:\n  containers:\n    - name: a\n      image: nginx:1\n      securityContext: &sc\n        privileged: true\n    - name: b\n      image: nginx:1\n      securityContext:\n        <<: *sc\n        runAsUser: 5\n  hostIPC: true\n  hostIPC: false\n`
    const file = parseManifestFile(text, 'm.yaml')
    const shape = workloadOf(file.objects[0]!)
    expect(shape?.ok).toBe(true)
    expect(file.notices.join()).toMatch(/duplicate key "hostIPC"/)
    const findings = lintAll(text)
    expect(only(findings, 'CL-K8S-001').map(f => f.properties?.container)).toEqual(['a', 'b'])
    expect(only(findings, 'CL-K8S-011')).toEqual([])
  })

  it('reads YAML 1.1 booleans as kubectl does (yes/on)', () => {
    expect(only(lintAll('apiVersion: v1\nkind: Pod\nmetadata: {name: y}\nspec:\n  hostNetwork: on\n  containers: [{name: c, image: "a:1"}]\n'), 'CL-K8S-009')).toHaveLength(1)
  })

  it('gives the line of a key and of a list item', () => {
    const file = parseManifestFile('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n', 'p.yaml')
    const pod = file.objects[0]!
    expect(lineOf(pod.raw, 'spec')).toBe(5)
    expect(pod.line).toBe(3)
  })
})

describe('pod-level securityContext as the default, container-level overrides', () => {
  const text = workload({
    podSC: 'runAsUser: 1000\nrunAsNonRoot: true\nseccompProfile: { type: RuntimeDefault }',
    sc: 'runAsUser: 2000\nallowPrivilegeEscalation: false',
    moreContainers: '- name: second\n  image: nginx:1'
  })
  const w = workloadOf(parseManifestFile(text, 'w.yaml').objects[0]!)
  it('takes the container value when set, else the pod value', () => {
    if (!w?.ok) throw new Error('expected a workload')
    const [app, second] = w.workload.containers
    expect(effective(w.workload, app!, 'runAsUser')).toMatchObject({ value: 2000, level: 'container' })
    expect(effective(w.workload, second!, 'runAsUser')).toMatchObject({ value: 1000, level: 'pod' })
    expect(effective(w.workload, second!, 'seccompProfile')?.level).toBe('pod')
  })
  it('never inherits container-only fields (allowPrivilegeEscalation) from anywhere', () => {
    expect(only(lintAll(text), 'CL-K8S-002').map(f => f.properties?.container)).toEqual(['second'])
  })
})

describe('workload kinds', () => {
  for (const kind of ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']) {
    it(`finds the pod template of a ${kind}`, () => {
      const text =
        kind === 'Pod'
          ? 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "a:1", securityContext: {privileged: true}}]\n'
          : workload({ kind, apiVersion: kind === 'ReplicationController' ? 'v1' : undefined, sc: 'privileged: true' })
      expect(only(lintAll(text), 'CL-K8S-001')).toHaveLength(1)
    })
  }
  it('finds the pod template of an argoproj.io Rollout, and skips one that uses workloadRef', () => {
    const rollout = workload({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', sc: 'privileged: true' })
    expect(only(lintAll(rollout), 'CL-K8S-001')).toHaveLength(1)
    const ref = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n'
    expect(lintAll(ref).filter(f => f.ruleId !== 'CL-K8S-036')).toEqual([])
  })
  it('does not treat a Rollout of another API group as a workload', () => {
    expect(lintAll('apiVersion: example.com/v1\nkind: Rollout\nmetadata: {name: r}\nspec: {}\n')).toEqual([])
  })
})

describe('wrong-typed objects fail closed', () => {
  it('reports metadata or spec that is not a mapping (CL-K8S-000 naming the key), instead of linting it as absent', () => {
    const netpol = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\nspec: "podSelector: {}"\n'
    const file = parseManifestFile(netpol, 'np.yaml')
    expect(file.objects).toEqual([])
    expect(file.problems).toEqual([{ line: 4, message: 'NetworkPolicy spec is a string, expected a mapping' }])
    const meta = parseManifestFile('apiVersion: v1\nkind: Pod\nmetadata: web\nspec: {containers: [{name: c, image: "a:1"}]}\n', 'p.yaml')
    expect(meta.problems[0]?.message).toBe('Pod metadata is a string, expected a mapping')
  })

  it('reports any syntax error of an explicitly named file, even one that no longer looks like Kubernetes', () => {
    expect(parseManifestFile('{', 'list.json').problems).toEqual([])
    const explicit = parseManifestFile('{', 'list.json', { explicit: true })
    expect(explicit.looksLikeKubernetes).toBe(true)
    expect(explicit.problems).toHaveLength(1)
  })
})
