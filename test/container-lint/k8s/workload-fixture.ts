/** Builds a hardened Deployment (no findings) and lets a test swap one part for a bad or good variant. */
export const DIGEST = `sha256:${'a'.repeat(64)}`

export const POD_SC = `runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
seccompProfile: { type: RuntimeDefault }`

export const CONTAINER_SC = `allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }`

export const EXTRA = `resources:
  requests: { cpu: 100m, memory: 64Mi }
  limits: { cpu: 500m, memory: 128Mi }
livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
readinessProbe: { httpGet: { path: /ready, port: 8080 } }`

export interface WorkloadParts {
  kind?: string
  apiVersion?: string
  name?: string
  namespace?: string
  /** Pod-level securityContext body. */
  podSC?: string
  /** Container-level securityContext body. */
  sc?: string
  /** Container fields after securityContext (resources, probes, env, ports…). */
  extra?: string
  /** Extra pod spec fields (volumes, hostNetwork…). */
  pod?: string
  image?: string
  /** Extra containers appended to `containers:` (full list items). */
  moreContainers?: string
  /** initContainers / ephemeralContainers blocks (full, unindented). */
  podLists?: string
  annotations?: string
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return text
    .split('\n')
    .map(l => (l.trim() === '' ? l : pad + l))
    .join('\n')
}

export function workload(p: WorkloadParts = {}): string {
  const kind = p.kind ?? 'Deployment'
  const header = `apiVersion: ${p.apiVersion ?? (kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1')}
kind: ${kind}
metadata:
  name: ${p.name ?? 'web'}
  namespace: ${p.namespace ?? 'shop'}${p.annotations ? `\n  annotations:\n${indent(p.annotations, 4)}` : ''}
spec:
`
  const podSpec = `serviceAccountName: web
automountServiceAccountToken: false
securityContext:
${indent(p.podSC ?? POD_SC, 2)}
${p.pod ?? ''}
containers:
  - name: app
    image: ${p.image ?? `registry.example.com/app:1.2.3@${DIGEST}`}
    securityContext:
${indent(p.sc ?? CONTAINER_SC, 6)}
${indent(p.extra ?? EXTRA, 4)}
${p.moreContainers ? indent(p.moreContainers, 2) : ''}
${p.podLists ?? ''}`
  const template = `metadata:
  labels: { app: web }
spec:
${indent(podSpec, 2)}`
  if (kind === 'CronJob') {
    return header + indent(`schedule: "0 * * * *"\nstartingDeadlineSeconds: 60\nconcurrencyPolicy: Forbid\njobTemplate:\n  spec:\n    template:\n${indent(template, 6)}`, 2) + '\n'
  }
  if (kind === 'Job') return header + indent(`ttlSecondsAfterFinished: 600\ntemplate:\n${indent(template, 2)}`, 2) + '\n'
  return header + indent(`selector: { matchLabels: { app: web } }\ntemplate:\n${indent(template, 2)}`, 2) + '\n'
}

/** A namespace-wide default-deny policy, so the network rules stay quiet in tests about other rules. */
export const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`
