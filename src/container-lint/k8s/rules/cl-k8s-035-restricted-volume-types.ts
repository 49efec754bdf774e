import { isObj, lineOf, list, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { withWorkload } from './support.js'

const RESTRICTED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'])

export const rule: K8sRule = {
  id: 'CL-K8S-035',
  name: 'restricted-volume-types',
  title: 'Volume type outside the Restricted set',
  severity: 'low',
  kind: 'misconfiguration',
  rationale:
    'PSS Restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes; other in-tree types (nfs, iscsi, gitRepo…) reach node or network storage directly. hostPath is reported by CL-K8S-012/013 instead.',
  fix: 'Use a persistentVolumeClaim (backed by a StorageClass or CSI driver) instead of the in-tree volume type.',
  anchors: { trivy: 'KSV-0028', pss: 'Restricted' },
  check(o, ctx) {
    withWorkload(o, w => {
      for (const v of list(w.podSpec.volumes)) {
        if (!isObj(v)) continue
        const type = Object.keys(v).find(k => k !== 'name')
        if (!type || RESTRICTED.has(type) || type === 'hostPath') continue
        const name = str(v.name) ?? '(unnamed)'
        ctx.report({ line: lineOf(v, type), key: name, message: `volume "${name}" uses type ${type}, outside the Restricted set` })
      }
    })
  }
}
