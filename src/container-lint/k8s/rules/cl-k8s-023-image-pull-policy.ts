import { lineOf, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { isTemplated, parseImage } from './image.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-023',
  name: 'image-pull-policy',
  title: 'imagePullPolicy is not Always for a mutable tag',
  severity: 'low',
  kind: 'misconfiguration',
  enabledByDefault: false,
  rationale:
    'With a mutable tag and IfNotPresent, nodes keep whatever image they pulled first, so replicas can run different code. Off by default: pinning by digest is the better fix.',
  fix: 'Pin the image by digest, or set `imagePullPolicy: Always`.',
  anchors: { polaris: 'pullPolicyNotAlways', 'kube-score': 'container-image-pull-policy' },
  check(o, ctx) {
    eachContainer(o, c => {
      const image = str(c.raw.image)
      if (!image || isTemplated(image) || parseImage(image).digest) return
      const policy = str(c.raw.imagePullPolicy)
      const tag = parseImage(image).tag
      // Kubernetes defaults to Always only for :latest / untagged images.
      const effectivePolicy = policy ?? (tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent')
      if (effectivePolicy !== 'Always') {
        ctx.report({
          line: policy ? lineOf(c.raw, 'imagePullPolicy') : lineOf(c.raw, 'image'),
          container: c.name,
          message: `${containerWord(c)} pulls mutable image ${image} with imagePullPolicy ${effectivePolicy}`
        })
      }
    })
  }
}
