import { describe, expect, it } from 'vitest'
import { K8S_RULES } from '../../../src/container-lint/k8s/rules/index.js'
import { lintAll, markedLines, only } from './helpers.js'
import { CONTAINER_SC, DEFAULT_DENY, DIGEST, EXTRA, POD_SC, workload } from './workload-fixture.js'

/**
 * Bad/good snippets per rule (hadolint-spec style). A bad snippet marks every
 * line where a finding is expected with `#<`; the test asserts exactly those
 * lines. A good snippet must not trigger the rule at all.
 */
interface Cases {
  bad: Array<[name: string, yaml: string]>
  good: Array<[name: string, yaml: string]>
}

const podSCWithout = (field: string): string => POD_SC.split('\n').filter(l => !l.startsWith(field)).join('\n')
const scWithout = (field: string): string => CONTAINER_SC.split('\n').filter(l => !l.startsWith(field)).join('\n')

const CASES: Record<string, Cases> = {
  'CL-K8S-000': {
    bad: [
      ['Deployment without template spec', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: #<\n  replicas: 1\n'],
      ['containers not a list', 'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers: { name: app } #<\n']
    ],
    good: [['hardened Deployment', workload()], ['ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n']]
  },
  'CL-K8S-001': {
    bad: [
      ['privileged container', workload({ sc: `${CONTAINER_SC}\nprivileged: true #<` })],
      ['privileged init container', workload({ podLists: 'initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: { privileged: true } #<' })]
    ],
    good: [['privileged: false', workload({ sc: `${CONTAINER_SC}\nprivileged: false` })]]
  },
  'CL-K8S-002': {
    bad: [
      ['unset', workload({ sc: scWithout('allowPrivilegeEscalation') }).replace('- name: app', '- name: app #<')],
      ['explicit true', workload({ sc: `${scWithout('allowPrivilegeEscalation')}\nallowPrivilegeEscalation: true #<` })],
      ['privileged implies it', workload({ sc: `${scWithout('allowPrivilegeEscalation')}\nprivileged: true #<` })],
      [
        'pod-level cannot set it: ephemeral container without it',
        workload({ podLists: 'ephemeralContainers:\n  - name: debug #<\n    image: busybox:1.36' })
      ]
    ],
    good: [['Windows pods are exempt', workload({ sc: scWithout('allowPrivilegeEscalation'), pod: 'os: { name: windows }' })], ['false', workload()]]
  },
  'CL-K8S-003': {
    bad: [
      ['nothing at either level', workload({ podSC: 'seccompProfile: { type: RuntimeDefault }' }).replace('- name: app', '- name: app #<')],
      [
        'container overrides pod runAsNonRoot with false',
        workload({ podSC: 'runAsNonRoot: true\nseccompProfile: { type: RuntimeDefault }', sc: `${CONTAINER_SC}\nrunAsNonRoot: false #<` })
      ]
    ],
    good: [
      ['pod-level runAsNonRoot inherited', workload({ podSC: 'runAsNonRoot: true\nseccompProfile: { type: RuntimeDefault }' })],
      ['container-level runAsUser > 0 only', workload({ podSC: 'seccompProfile: { type: RuntimeDefault }', sc: `${CONTAINER_SC}\nrunAsUser: 1000` })],
      ['pod runAsNonRoot false but container true', workload({ podSC: 'runAsNonRoot: false\nseccompProfile: { type: RuntimeDefault }', sc: `${CONTAINER_SC}\nrunAsNonRoot: true` })],
      ['explicit uid 0 is CL-K8S-004, not this rule', workload({ podSC: 'runAsUser: 0\nseccompProfile: { type: RuntimeDefault }' })]
    ]
  },
  'CL-K8S-004': {
    bad: [
      ['pod-level runAsUser 0 inherited', workload({ podSC: `runAsUser: 0 #<\nrunAsGroup: 10001\nseccompProfile: { type: RuntimeDefault }` })],
      ['container runAsUser 0 overrides pod 10001', workload({ sc: `${CONTAINER_SC}\nrunAsUser: 0 #<` })],
      ['runAsGroup 0', workload({ sc: `${CONTAINER_SC}\nrunAsGroup: 0 #<` })],
      ['fsGroup 0 and supplementalGroups 0', workload({ podSC: `${POD_SC}\nfsGroup: 0 #<\nsupplementalGroups:\n  - 1000\n  - 0 #<` })]
    ],
    good: [
      ['container 1000 overrides pod 0', workload({ podSC: 'runAsUser: 0\nrunAsGroup: 1000\nrunAsNonRoot: true\nseccompProfile: { type: RuntimeDefault }', sc: `${CONTAINER_SC}\nrunAsUser: 1000` })]
    ]
  },
  'CL-K8S-005': {
    bad: [
      ['drops only NET_RAW', workload({ sc: `${scWithout('capabilities')}\ncapabilities:\n  drop: [NET_RAW] #<` })],
      ['no capabilities', workload({ sc: scWithout('capabilities') }).replace('- name: app', '- name: app #<')]
    ],
    good: [['drop ALL', workload()], ['drop all (lower case)', workload({ sc: `${scWithout('capabilities')}\ncapabilities: { drop: [all] }` })]]
  },
  'CL-K8S-006': {
    bad: [
      [
        'SYS_ADMIN and an off-list capability',
        workload({ sc: `${scWithout('capabilities')}\ncapabilities:\n  drop: [ALL]\n  add:\n    - SYS_ADMIN #<\n    - CAP_IPC_LOCK #<\n    - NET_BIND_SERVICE` })
      ]
    ],
    good: [['NET_BIND_SERVICE only', workload({ sc: `${scWithout('capabilities')}\ncapabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }` })]]
  },
  'CL-K8S-007': {
    bad: [
      ['explicit false', workload({ sc: `${scWithout('readOnlyRootFilesystem')}\nreadOnlyRootFilesystem: false #<` })],
      ['unset', workload({ sc: scWithout('readOnlyRootFilesystem') }).replace('- name: app', '- name: app #<')]
    ],
    good: [['true', workload()]]
  },
  'CL-K8S-008': {
    bad: [
      ['unset at both levels', workload({ podSC: podSCWithout('seccompProfile') }).replace('- name: app', '- name: app #<')],
      ['Unconfined at pod level', workload({ podSC: `${podSCWithout('seccompProfile')}\nseccompProfile:\n  type: Unconfined #<` })],
      ['container Unconfined overrides pod RuntimeDefault', workload({ sc: `${CONTAINER_SC}\nseccompProfile:\n  type: Unconfined #<` })]
    ],
    good: [
      ['pod RuntimeDefault inherited', workload()],
      ['container Localhost only', workload({ podSC: podSCWithout('seccompProfile'), sc: `${CONTAINER_SC}\nseccompProfile: { type: Localhost, localhostProfile: p.json }` })]
    ]
  },
  'CL-K8S-009': { bad: [['hostNetwork', workload({ pod: 'hostNetwork: true #<' })]], good: [['false', workload({ pod: 'hostNetwork: false' })]] },
  'CL-K8S-010': { bad: [['hostPID', workload({ pod: 'hostPID: true #<' })]], good: [['unset', workload()]] },
  'CL-K8S-011': { bad: [['hostIPC', workload({ pod: 'hostIPC: yes #<' })]], good: [['string "true" is not a boolean', workload({ pod: 'hostIPC: "false"' })]] },
  'CL-K8S-012': {
    bad: [['data dir', workload({ pod: 'volumes:\n  - name: data\n    hostPath:\n      path: /srv/data #<' })]],
    good: [['sensitive path is 013', workload({ pod: 'volumes:\n  - name: sock\n    hostPath: { path: /var/run/docker.sock }' })]]
  },
  'CL-K8S-013': {
    bad: [
      [
        'docker socket, /etc, trailing slash on /proc',
        workload({ pod: 'volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock #<\n  - name: etc\n    hostPath: { path: /etc } #<\n  - name: proc\n    hostPath: { path: /proc/ } #<' })
      ]
    ],
    good: [
      ['subdirectory is not an exact match', workload({ pod: 'volumes:\n  - name: logs\n    hostPath: { path: /var/log/app }' })],
      ['probe path is not a hostPath', workload({ extra: `${EXTRA.replace('/healthz', '/etc')}` })]
    ]
  },
  'CL-K8S-014': {
    bad: [['hostPort', workload({ extra: `${EXTRA}\nports:\n  - containerPort: 8080\n    hostPort: 80 #<` })]],
    good: [['containerPort only', workload({ extra: `${EXTRA}\nports: [{ containerPort: 8080 }]` })]]
  },
  'CL-K8S-015': {
    bad: [['requests only', workload({ extra: 'resources:\n  requests: { cpu: 100m, memory: 64Mi }' }).replace('- name: app', '- name: app #<')]],
    good: [
      ['limit set', workload()],
      ['init container without resources is not judged', workload({ podLists: 'initContainers:\n  - name: init\n    image: busybox:1.36' })]
    ]
  },
  'CL-K8S-016': {
    bad: [
      ['no cpu at all', workload({ extra: 'resources:\n  limits: { memory: 64Mi }' }).replace('- name: app', '- name: app #<')],
      ['native sidecar without cpu', workload({ podLists: 'initContainers:\n  - name: proxy #<\n    image: envoy:1.30\n    restartPolicy: Always\n    resources: { limits: { memory: 64Mi } }' })]
    ],
    good: [['limits only: request defaults to limit', workload({ extra: 'resources:\n  limits: { cpu: 200m, memory: 64Mi }' })]]
  },
  'CL-K8S-017': {
    bad: [['cpu only', workload({ extra: 'resources:\n  requests: { cpu: 100m }' }).replace('- name: app', '- name: app #<')]],
    good: [['memory limit only', workload({ extra: 'resources:\n  limits: { memory: 64Mi }' })]]
  },
  'CL-K8S-018': {
    bad: [['no cpu limit', workload({ extra: 'resources:\n  requests: { cpu: 100m }' }).replace('- name: app', '- name: app #<')]],
    good: [['cpu limit', workload()]]
  },
  'CL-K8S-019': {
    bad: [['bare Pod restarts forever', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c #<\n      image: a:1\n'], 
      ['Deployment without liveness', workload({ extra: EXTRA.replace(/livenessProbe.*\n/, '') }).replace('- name: app', '- name: app #<')],
      ['DaemonSet without liveness', workload({ kind: 'DaemonSet', extra: EXTRA.replace(/livenessProbe.*\n/, '') }).replace('- name: app', '- name: app #<')]
    ],
    good: [['run-once Pod (restartPolicy: Never)', 'apiVersion: v1\nkind: Pod\nmetadata: { name: once }\nspec:\n  restartPolicy: Never\n  containers: [{ name: c, image: "a:1" }]\n'], 
      ['Job without probes', workload({ kind: 'Job', extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }' })],
      ['CronJob without probes', workload({ kind: 'CronJob', extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }' })],
      ['init container without probes', workload({ podLists: 'initContainers:\n  - name: migrate\n    image: app:1.2.3' })]
    ]
  },
  'CL-K8S-020': {
    bad: [
      ['StatefulSet without readiness', workload({ kind: 'StatefulSet', extra: EXTRA.replace(/readinessProbe.*/, '') }).replace('- name: app', '- name: app #<')],
      [
        'DaemonSet selected by a Service (other document)',
        `${workload({ kind: 'DaemonSet', extra: EXTRA.replace(/readinessProbe.*/, '') }).replace('- name: app', '- name: app #<')}---\napiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n`
      ]
    ],
    good: [
      ['DaemonSet no Service selects', workload({ kind: 'DaemonSet', extra: EXTRA.replace(/readinessProbe.*/, '') })],
      [
        'DaemonSet with a Service in another namespace',
        `${workload({ kind: 'DaemonSet', extra: EXTRA.replace(/readinessProbe.*/, '') })}---\napiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: other }\nspec: { selector: { app: web } }\n`
      ]
    ]
  },
  'CL-K8S-021': {
    bad: [['trailing comment after the image', workload({ image: 'nginx  #< pinned later' })], 
      ['latest', workload({ image: 'nginx:latest #<' })],
      ['no tag', workload({ image: 'registry:5000/team/nginx #<' })]
    ],
    good: [
      ['digest without tag', workload({ image: `nginx@${DIGEST}` })],
      ['registry port is not a tag', workload({ image: 'registry:5000/team/nginx:1.25' })],
      ['templated image', workload({ image: '"{{ .Values.image }}"' })]
    ]
  },
  'CL-K8S-022': {
    bad: [['tag only', workload({ image: 'nginx:1.25 #<' })]],
    good: [['digest', workload()]]
  },
  'CL-K8S-023': {
    bad: [['IfNotPresent with a tag', workload({ image: 'nginx:1.25', extra: `${EXTRA}\nimagePullPolicy: IfNotPresent #<` })]],
    good: [['digest', workload({ extra: `${EXTRA}\nimagePullPolicy: IfNotPresent` })], ['Always', workload({ image: 'nginx:1.25', extra: `${EXTRA}\nimagePullPolicy: Always` })]]
  },
  'CL-K8S-024': {
    bad: [
      ['unset, ServiceAccount not linted', workload().replace(/ *automountServiceAccountToken: false\n/, '').replace('metadata:\n  name: web', 'metadata: #<\n  name: web')],
      ['explicit true', workload().replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true #<')]
    ],
    good: [['pod false wins over a ServiceAccount that says true', `${workload()}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web, namespace: shop }\nautomountServiceAccountToken: true\n`], 
      [
        'ServiceAccount in another file of the set disables it',
        `${workload().replace(/ *automountServiceAccountToken: false\n/, '')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web, namespace: shop }\nautomountServiceAccountToken: false\n`
      ]
    ]
  },
  'CL-K8S-025': {
    bad: [['no policy selects app=web', `${workload().replace('metadata:\n  name: web', 'metadata: #<\n  name: web')}---\n${DEFAULT_DENY.replace('podSelector: {}', 'podSelector: { matchLabels: { app: db } }')}`]],
    good: [
      ['default deny selects all', `${workload()}---\n${DEFAULT_DENY}`],
      [
        'matchExpressions In',
        `${workload()}---\n${DEFAULT_DENY.replace('podSelector: {}', 'podSelector: { matchExpressions: [{ key: app, operator: In, values: [web, api] }] }')}`
      ]
    ]
  },
  'CL-K8S-026': {
    bad: [
      ['policy with rules is not default deny', `${workload().replace('metadata:\n  name: web', 'metadata: #<\n  name: web')}---\n${DEFAULT_DENY}  ingress: [{ from: [{ podSelector: {} }] }]\n`],
      [
        'reported at the Namespace object when linted',
        `apiVersion: v1\nkind: Namespace\nmetadata: #<\n  name: shop\n---\n${workload()}`
      ]
    ],
    good: [['default deny', `${workload()}---\n${DEFAULT_DENY}`]]
  },
  'CL-K8S-027': {
    bad: [
      [
        'ingress: [{}] and egress rule without peers/ports',
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: open }\nspec:\n  podSelector: {}\n  ingress:\n    - {} #<\n  egress:\n    - to: [] #<\n'
      ]
    ],
    good: [
      ['DNS egress with ports only', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: dns }\nspec:\n  podSelector: {}\n  egress:\n    - ports: [{ port: 53, protocol: UDP }]\n'],
      ['peers listed', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\nspec:\n  podSelector: {}\n  ingress:\n    - from: [{ podSelector: { matchLabels: { app: fe } } }]\n']
    ]
  },
  'CL-K8S-028': {
    bad: [
      ['no serviceAccountName', workload().replace(/ *serviceAccountName: web\n/, '').replace('metadata:\n  name: web', 'metadata: #<\n  name: web')],
      ['explicit default', workload().replace('serviceAccountName: web', 'serviceAccountName: default #<')]
    ],
    good: [['dedicated account', workload()]]
  },
  'CL-K8S-029': {
    bad: [['numeric literal', workload({ extra: `${EXTRA}\nenv:\n  - { name: ADMIN_PASSWORD, value: 123456 } #<` })], ['literal password', workload({ extra: `${EXTRA}\nenv:\n  - name: DB_PASSWORD\n    value: hunter2 #<\n  - { name: API_KEY, value: "abc" } #<` })]],
    good: [
      [
        'secretKeyRef, file path, var reference',
        workload({
          extra: `${EXTRA}\nenv:\n  - name: DB_PASSWORD\n    valueFrom: { secretKeyRef: { name: db, key: password } }\n  - { name: DB_PASSWORD_FILE, value: /run/secrets/db }\n  - { name: TOKEN, value: "$(OTHER_TOKEN)" }`
        })
      ]
    ]
  },
  'CL-K8S-030': {
    bad: [
      ['appArmorProfile Unconfined at pod level', workload({ podSC: `${POD_SC}\nappArmorProfile:\n  type: Unconfined #<` })],
      [
        'legacy annotation',
        workload().replace('labels: { app: web }', 'labels: { app: web }\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/app: unconfined #<')
      ]
    ],
    good: [['RuntimeDefault', workload({ podSC: `${POD_SC}\nappArmorProfile: { type: RuntimeDefault }` })]]
  },
  'CL-K8S-031': {
    bad: [['kernel.msgmax', workload({ podSC: `${POD_SC}\nsysctls:\n  - { name: net.ipv4.tcp_syncookies, value: "1" }\n  - { name: kernel.msgmax, value: "65536" } #<` })]],
    good: [['safe sysctl', workload({ podSC: `${POD_SC}\nsysctls: [{ name: net.ipv4.ip_local_port_range, value: "1024 65535" }]` })]]
  },
  'CL-K8S-032': {
    bad: [['Unmasked', workload({ sc: `${CONTAINER_SC}\nprocMount: Unmasked #<` })]],
    good: [['Default', workload({ sc: `${CONTAINER_SC}\nprocMount: Default` })]]
  },
  'CL-K8S-033': {
    bad: [['custom type and user', workload({ podSC: `${POD_SC}\nseLinuxOptions:\n  type: spc_t #<\n  user: system_u #<` })]],
    good: [
      ['container_t', workload({ podSC: `${POD_SC}\nseLinuxOptions: { type: container_t, level: "s0:c123,c456" }` })],
      ['container overrides pod custom type', workload({ podSC: `${POD_SC}\nseLinuxOptions: { type: spc_t }`, sc: `${CONTAINER_SC}\nseLinuxOptions: { type: container_t }` })]
    ]
  },
  'CL-K8S-034': {
    bad: [['hostProcess', workload({ sc: `${CONTAINER_SC}\nwindowsOptions:\n  hostProcess: true #<` })]],
    good: [['container false overrides pod true', workload({ podSC: `${POD_SC}\nwindowsOptions: { hostProcess: true }`, sc: `${CONTAINER_SC}\nwindowsOptions: { hostProcess: false }` })]]
  },
  'CL-K8S-035': {
    bad: [['nfs volume', workload({ pod: 'volumes:\n  - name: share\n    nfs: #<\n      server: nfs.local\n      path: /exports' })]],
    good: [['emptyDir, secret, projected', workload({ pod: 'volumes:\n  - { name: tmp, emptyDir: {} }\n  - { name: s, secret: { secretName: s } }\n  - { name: p, projected: { sources: [] } }' })]]
  },
  'CL-K8S-036': {
    bad: [
      ['extensions/v1beta1 Deployment', workload({ apiVersion: 'extensions/v1beta1' }).replace('apiVersion: extensions/v1beta1', 'apiVersion: extensions/v1beta1 #<')],
      ['batch/v1beta1 CronJob', workload({ kind: 'CronJob', apiVersion: 'batch/v1beta1' }).replace('apiVersion: batch/v1beta1', 'apiVersion: batch/v1beta1 #<')]
    ],
    good: [['apps/v1', workload()]]
  },
  'CL-K8S-037': {
    bad: [['uid 1000 inherited', workload({ podSC: 'runAsNonRoot: true\nrunAsUser: 1000 #<\nseccompProfile: { type: RuntimeDefault }' })]],
    good: [['10001', workload()]]
  },
  'CL-K8S-038': {
    bad: [
      ['Job without TTL', workload({ kind: 'Job', extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }' }).replace(/ *ttlSecondsAfterFinished: 600\n/, '').replace('metadata:\n  name: web', 'metadata: #<\n  name: web')],
      ['CronJob without deadline', workload({ kind: 'CronJob', extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }' }).replace(/ *startingDeadlineSeconds: 60\n/, '').replace('metadata:\n  name: web', 'metadata: #<\n  name: web')]
    ],
    good: [['Job with TTL', workload({ kind: 'Job', extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }' })]]
  },
  'CL-K8S-039': {
    bad: [['port 22', workload({ extra: `${EXTRA}\nports:\n  - containerPort: 22 #<` })]],
    good: [['port 2222', workload({ extra: `${EXTRA}\nports: [{ containerPort: 2222 }]` })]]
  },
  'CL-K8S-040': {
    bad: [
      [
        'wildcard verbs and resources',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: r }\nrules:\n  - apiGroups: [""]\n    resources:\n      - "*" #<\n    verbs: ["get", "*"] #<\n'
      ]
    ],
    good: [['explicit', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules:\n  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list]\n']]
  },
  'CL-K8S-041': {
    bad: [
      [
        'ClusterRoleBinding',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: b }\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin #<\nsubjects: [{ kind: ServiceAccount, name: ci, namespace: ci }]\n'
      ]
    ],
    good: [['view', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: b }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }\n']]
  },
  'CL-K8S-042': {
    bad: [['LoadBalancer', 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  type: LoadBalancer #<\n  selector: { app: web }\n']],
    good: [['ClusterIP', 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec: { type: ClusterIP, selector: { app: web } }\n']]
  },
  'CL-K8S-043': {
    bad: [
      [
        'same probe',
        workload({ extra: 'resources: { limits: { cpu: 1, memory: 1Gi } }\nlivenessProbe: { httpGet: { path: /h, port: 80 }, periodSeconds: 5 }\nreadinessProbe: { periodSeconds: 5, httpGet: { port: 80, path: /h } } #<' })
      ]
    ],
    good: [['different paths', workload()]]
  }
}

describe('every Kubernetes rule has bad and good snippets', () => {
  it('covers the whole catalogue CL-K8S-000…043', () => {
    expect(Object.keys(CASES).sort()).toEqual(K8S_RULES.map(r => r.id))
    expect(K8S_RULES).toHaveLength(44)
  })
})

for (const [id, cases] of Object.entries(CASES)) {
  describe(id, () => {
    for (const [name, yaml] of cases.bad) {
      it(`flags: ${name}`, () => {
        const hits = only(lintAll(yaml), id)
        expect(hits.map(f => f.line).sort((a, b) => a - b)).toEqual(markedLines(yaml))
        for (const f of hits) {
          expect(f.helpUri).toMatch(new RegExp(`container-lint\\.md#${id.toLowerCase()}$`))
          expect(f.fix).toBeTruthy()
          expect(f.source).toBe('container-lint')
        }
      })
    }
    for (const [name, yaml] of cases.good) {
      it(`accepts: ${name}`, () => {
        expect(only(lintAll(yaml), id).map(f => `${f.line}: ${f.message}`)).toEqual([])
      })
    }
  })
}

describe('the hardened fixture', () => {
  it('has no finding at all with every rule enabled (with a default-deny policy)', () => {
    const findings = lintAll(`${workload()}---\n${DEFAULT_DENY}`)
    expect(findings.map(f => `${f.ruleId} ${f.line} ${f.message}`)).toEqual([])
  })
})
