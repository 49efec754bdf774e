import { mutableImageReason } from '../../common/image.js'
import type { EcsRule } from '../model.js'

export const rule: EcsRule = {
  id: 'RV-ECS-005',
  name: 'mutable-image',
  title: 'Task definition image is untagged or :latest',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Rolling back to the previous task definition revision only helps if that revision names a different image; with :latest it pulls whatever the tag points at now.',
  fix: 'Use an immutable version tag or digest in every container definition.',
  check(model) {
    return model.images.flatMap(i => {
      const reason = mutableImageReason(i.image)
      return reason ? [{ path: i.path, line: i.line, message: `Task definition ${i.taskDefinition}, container ${i.container}: image ${i.image} ${reason}.`, key: `${i.taskDefinition}:${i.container}:${i.image}` }] : []
    })
  }
}
