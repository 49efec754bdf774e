import { lineOf, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { hasDigest, isTemplated, parseImage } from './image.js'
import { containerWord, eachContainer } from './support.js'

export const rule: K8sRule = {
  id: 'CL-K8S-022',
  name: 'image-not-pinned',
  title: 'Image not pinned by digest',
  severity: 'low',
  kind: 'misconfiguration',
  rationale: 'Tags are mutable: whoever can push to the registry can change what a tag points to. Only a digest names exactly one image.',
  fix: 'Pin the image by digest (`app:1.4.2@sha256:…`) and let a bot (Renovate, Dependabot) update it.',
  anchors: { openssf: 'Pinned-Dependencies' },
  check(o, ctx) {
    eachContainer(o, c => {
      const image = str(c.raw.image)
      if (!image || isTemplated(image)) return
      if (!hasDigest(parseImage(image))) {
        ctx.report({ line: lineOf(c.raw, 'image'), container: c.name, message: `${containerWord(c)} image ${image} is not pinned by sha256 digest` })
      }
    })
  }
}
