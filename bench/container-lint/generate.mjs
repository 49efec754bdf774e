// Corpus for the container-lint benchmark: variations of the test cases (bad and good snippets combined
// at random, deterministic seed), several thousand Dockerfiles and Kubernetes manifests.

function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)]

const BASES = ['node:20.11-slim', 'node:latest', 'python:3.12', 'ubuntu', 'alpine:3.19', 'golang:1.22 AS build', `debian:12@sha256:${'a'.repeat(64)}`, 'nginx:1.25-alpine', 'gcr.io/distroless/static-debian12']
const RUNS = [
  'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get update\nRUN apt-get install curl',
  'RUN apk add --no-cache tini bash',
  'RUN apk add git openssh',
  'RUN pip install -r requirements.txt',
  'RUN pip install --no-cache-dir flask==3.0.0',
  'RUN npm install',
  'RUN npm ci --omit=dev',
  'RUN curl -fsSL https://example.com/install.sh | sh',
  'RUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar xz',
  'RUN cd /src && make build',
  'RUN chmod 777 /data',
  'RUN sudo apt-get install -y vim',
  'RUN yum install httpd && yum clean all',
  'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
  'RUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends git\nrm -rf /var/lib/apt/lists/*\nEOF'
]
const MIDDLE = [
  'ENV NODE_ENV=production',
  'ARG API_TOKEN',
  'ENV DB_PASSWORD=hunter2',
  'ADD app.tar.gz /opt/',
  'ADD . /app',
  'ADD https://example.com/tool /usr/local/bin/tool',
  'COPY . .',
  'COPY --chown=10001:10001 . /app',
  'COPY id_rsa /root/.ssh/id_rsa',
  'WORKDIR app',
  'WORKDIR /app',
  'EXPOSE 8080',
  'EXPOSE 22',
  'LABEL maintainer="team@example.com"',
  'MAINTAINER someone',
  '# container-lint ignore=CL-DF-008 -- vendor tarball\nADD vendor.tar /vendor/',
  'VOLUME /data',
  'HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1'
]
const TAILS = [
  'USER 10001\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]',
  'USER root\nCMD node server.js',
  'CMD ["python", "app.py"]',
  'USER app\nENTRYPOINT ["/app/bin"]',
  'CMD ["nginx", "-g", "daemon off;"]\nCMD ["nginx"]'
]

export function dockerfile(r) {
  const lines = []
  if (r() < 0.2) lines.push('# syntax=docker/dockerfile:1.7')
  if (r() < 0.3) lines.push('ARG BASE=node:20.11-slim')
  const multi = r() < 0.4
  if (multi) {
    lines.push('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', '')
    lines.push(`FROM ${pick(r, ['gcr.io/distroless/static-debian12', 'alpine:3.19', 'scratch', 'build'])}`)
    lines.push('COPY --from=build /out/app /app')
  } else {
    lines.push(`FROM ${pick(r, BASES)}`)
  }
  const n = 3 + Math.floor(r() * 8)
  for (let i = 0; i < n; i++) lines.push(r() < 0.5 ? pick(r, RUNS) : pick(r, MIDDLE))
  lines.push(pick(r, TAILS))
  return `${lines.join('\n')}\n`
}

const POD_SC = ['runAsNonRoot: true\nrunAsUser: 10001\nseccompProfile: { type: RuntimeDefault }', 'runAsUser: 0', 'seccompProfile: { type: Unconfined }', 'fsGroup: 2000', '{}']
const SC = [
  'allowPrivilegeEscalation: false\nreadOnlyRootFilesystem: true\ncapabilities: { drop: [ALL] }',
  'privileged: true',
  'allowPrivilegeEscalation: true\ncapabilities:\n  add: [SYS_ADMIN, NET_BIND_SERVICE]',
  'readOnlyRootFilesystem: false\nrunAsUser: 1000',
  'procMount: Unmasked',
  'seLinuxOptions: { type: spc_t }'
]
const EXTRA = [
  'resources:\n  requests: { cpu: 100m, memory: 64Mi }\n  limits: { memory: 128Mi }\nlivenessProbe: { httpGet: { path: /healthz, port: 8080 } }\nreadinessProbe: { httpGet: { path: /ready, port: 8080 } }',
  'resources: {}',
  'ports:\n  - containerPort: 22\n    hostPort: 2222',
  'env:\n  - name: DB_PASSWORD\n    value: hunter2\n  - name: API_TOKEN\n    valueFrom: { secretKeyRef: { name: api, key: token } }',
  'livenessProbe: { tcpSocket: { port: 80 } }\nreadinessProbe: { tcpSocket: { port: 80 } }'
]
const POD = ['', 'hostNetwork: true', 'hostPID: true\nhostIPC: true', 'volumes:\n  - name: sock\n    hostPath: { path: /var/run/docker.sock }\n  - name: tmp\n    emptyDir: {}', 'automountServiceAccountToken: false\nserviceAccountName: app', 'securityContext:\n  sysctls: [{ name: kernel.msgmax, value: "65536" }]']
const IMAGES = ['nginx', 'nginx:latest', 'registry.example.com/app:1.2.3', `registry.example.com/app:1.2.3@sha256:${'b'.repeat(64)}`, 'registry:5000/team/api:2.0']
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Rollout']

const indent = (text, n) => text.split('\n').map(l => (l ? ' '.repeat(n) + l : l)).join('\n')

function podSpec(r) {
  const pod = pick(r, POD)
  const podSC = pod.startsWith('securityContext') ? '' : `securityContext:\n${indent(pick(r, POD_SC), 2)}\n`
  const containers = [`- name: app\n  image: ${pick(r, IMAGES)}\n  securityContext:\n${indent(pick(r, SC), 4)}\n${indent(pick(r, EXTRA), 2)}`]
  if (r() < 0.3) containers.push(`- name: sidecar\n  image: ${pick(r, IMAGES)}\n${indent(pick(r, EXTRA), 2)}`)
  const init = r() < 0.2 ? `initContainers:\n  - name: migrate\n    image: ${pick(r, IMAGES)}\n    securityContext: { privileged: true }\n` : ''
  return `${podSC}${pod ? `${pod}\n` : ''}${init}containers:\n${indent(containers.join('\n'), 2)}`
}

export function manifest(r, i) {
  const kind = pick(r, KINDS)
  const ns = pick(r, ['shop', 'payments', 'default'])
  const name = `app-${i}`
  const meta = `metadata:\n  name: ${name}\n  namespace: ${ns}${r() < 0.1 ? '\n  annotations:\n    container-lint.io/ignore: "CL-K8S-007 -- bench"' : ''}`
  const template = `metadata:\n  labels: { app: ${name} }\nspec:\n${indent(podSpec(r), 2)}`
  let doc
  if (kind === 'Pod') doc = `apiVersion: v1\nkind: Pod\n${meta}\nspec:\n${indent(podSpec(r), 2)}\n`
  else if (kind === 'CronJob') doc = `apiVersion: batch/v1\nkind: CronJob\n${meta}\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(template, 8)}\n`
  else {
    const api = kind === 'Rollout' ? 'argoproj.io/v1alpha1' : kind === 'Job' ? 'batch/v1' : r() < 0.1 ? 'extensions/v1beta1' : 'apps/v1'
    doc = `apiVersion: ${api}\nkind: ${kind}\n${meta}\nspec:\n  selector: { matchLabels: { app: ${name} } }\n  template:\n${indent(template, 4)}\n`
  }
  const extra = []
  if (r() < 0.4) extra.push(`apiVersion: v1\nkind: Service\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n  type: ${pick(r, ['ClusterIP', 'NodePort'])}\n  selector: { app: ${name} }\n  ports: [{ port: 80, targetPort: 8080 }]\n`)
  if (r() < 0.2) extra.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n  podSelector: { matchLabels: { app: ${name} } }\n  ingress:\n    - {}\n`)
  if (r() < 0.05) extra.push(`apiVersion: v1\nkind: Pod\nmetadata: { name: broken\nspec: {}\n`)
  const header = r() < 0.3 ? `---\n# Source: chart/templates/${kind.toLowerCase()}.yaml\n` : ''
  return header + [doc, ...extra].join('---\n')
}

export function generate(count, seed = 42) {
  const r = rng(seed)
  const dockerfiles = Array.from({ length: count }, () => dockerfile(r))
  const manifests = Array.from({ length: count }, (_, i) => manifest(r, i))
  return { dockerfiles, manifests }
}
