import { lineOf, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { isTemplated, parseImage } from './image.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-021',
  name: 'image-latest-tag',
  title: 'Image uses :latest or no tag',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'A :latest (or missing) tag means every node may run a different image and a rollback cannot return to the previous version.',
  fix: 'Use an immutable version tag, ideally with its digest: `image: registry/app:1.4.2@sha256:…`.',
  anchors: { trivy: 'KSV-0013', 'kube-linter': 'latest-tag', polaris: 'tagNotSpecified', 'kube-score': 'container-image-tag' },
  check(o, ctx) {
    eachContainer(o, c => {
      const image = str(c.raw.image)
      if (!image || isTemplated(image)) return
      const ref = parseImage(image)
      if (ref.digest) return
      if (ref.tag === undefined || ref.tag === 'latest') {
        ctx.report({ line: lineOf(c.raw, 'image'), container: c.name, message: `${containerWord(c)} image ${image} ${ref.tag ? 'uses the :latest tag' : 'has no tag (implicitly :latest)'}` })
      }
    })
  }
}
