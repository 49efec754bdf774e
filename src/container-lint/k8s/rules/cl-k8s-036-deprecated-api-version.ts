import { lineOf } from '../model.js'
import type { K8sRule } from '../rule.js'

/** apiVersion → replacement, for API groups Kubernetes has removed (kinds listed when only some moved). */
const REMOVED: Array<{ apiVersion: string; kinds?: string[]; use: string; removedIn: string }> = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], use: 'apps/v1', removedIn: '1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], use: 'networking.k8s.io/v1', removedIn: '1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], use: 'networking.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], use: 'Pod Security Admission', removedIn: '1.16' },
  { apiVersion: 'apps/v1beta1', use: 'apps/v1', removedIn: '1.16' },
  { apiVersion: 'apps/v1beta2', use: 'apps/v1', removedIn: '1.16' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], use: 'batch/v1', removedIn: '1.25' },
  { apiVersion: 'batch/v2alpha1', use: 'batch/v1', removedIn: '1.21' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], use: 'policy/v1', removedIn: '1.25' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], use: 'Pod Security Admission', removedIn: '1.25' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], use: 'networking.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', use: 'rbac.authorization.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', use: 'rbac.authorization.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'autoscaling/v2beta1', use: 'autoscaling/v2', removedIn: '1.25' },
  { apiVersion: 'autoscaling/v2beta2', use: 'autoscaling/v2', removedIn: '1.26' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', use: 'apiextensions.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', use: 'admissionregistration.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', use: 'scheduling.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'coordination.k8s.io/v1beta1', use: 'coordination.k8s.io/v1', removedIn: '1.22' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment', 'CSIStorageCapacity'], use: 'storage.k8s.io/v1', removedIn: '1.22–1.27' },
  { apiVersion: 'discovery.k8s.io/v1beta1', use: 'discovery.k8s.io/v1', removedIn: '1.25' },
  { apiVersion: 'events.k8s.io/v1beta1', use: 'events.k8s.io/v1', removedIn: '1.25' },
  { apiVersion: 'node.k8s.io/v1beta1', use: 'node.k8s.io/v1', removedIn: '1.25' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', use: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.26' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', use: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.29' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', use: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.32' },
  { apiVersion: 'certificates.k8s.io/v1beta1', use: 'certificates.k8s.io/v1', removedIn: '1.22' }
]

export const rule: K8sRule = {
  id: 'CL-K8S-036',
  name: 'deprecated-api-version',
  title: 'Deprecated or removed apiVersion',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'Current clusters reject removed API versions, so the deployment fails at apply time (or silently keeps an old object).',
  fix: 'Move the manifest to the supported apiVersion (and adjust the fields that changed, e.g. a required selector for apps/v1).',
  anchors: { trivy: 'KSV-0107', 'kube-linter': 'no-extensions-v1beta', 'kube-score': 'stable-version' },
  check(o, ctx) {
    const hit = REMOVED.find(r => r.apiVersion === o.apiVersion && (!r.kinds || r.kinds.includes(o.kind)))
    if (hit) {
      ctx.report({
        line: lineOf(o.raw, 'apiVersion'),
        message: `${o.apiVersion} was removed in Kubernetes ${hit.removedIn}; use ${hit.use}`,
        fix: `Use ${hit.use} for ${o.kind}.`
      })
    }
  }
}
