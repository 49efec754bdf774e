import { str } from '../../common/node.js'
import { mutableImageReason } from '../../common/image.js'
import { containers, workloads, type K8sHit, type K8sRule } from '../types.js'

export const rule: K8sRule = {
  id: 'RV-K8S-005',
  name: 'mutable-image',
  title: 'Container image is untagged or :latest',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'Rollback restores the previous pod template; if that template says :latest (or no tag), it points at whatever the tag means now, so the "rollback" pulls the broken image again.',
  fix: 'Pin every image to an immutable version tag, ideally with its digest (image:1.4.2@sha256:…).',
  anchors: { 'kube-score': 'container-image-tag' },
  check(ctx) {
    const hits: K8sHit[] = []
    for (const o of workloads(ctx)) {
      for (const { container, path } of containers(o)) {
        const image = str(container.image)
        const reason = image === undefined ? undefined : mutableImageReason(image)
        if (!reason || image === undefined) continue
        hits.push({ object: o, at: [...path, 'image'], message: `${o.kind} ${o.name}, container ${str(container.name) ?? '?'}: image ${image} ${reason}.`, key: image })
      }
    }
    return hits
  }
}
