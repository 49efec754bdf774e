import { lineOf, obj, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { effective, podAnnotations } from '../workload.js'
import { containerWord, eachContainer } from './support.js'

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/'

export const rule: K8sRule = {
  id: 'CL-K8S-030',
  name: 'apparmor-unconfined',
  title: 'AppArmor explicitly Unconfined',
  severity: 'high',
  kind: 'misconfiguration',
  rationale: 'Unconfined switches off the AppArmor profile the runtime would apply; PSS Baseline forbids it.',
  fix: 'Remove the Unconfined setting, or use `appArmorProfile: { type: RuntimeDefault }`.',
  anchors: { trivy: 'KSV-0002', pss: 'Baseline' },
  check(o, ctx) {
    eachContainer(o, (c, w) => {
      const profile = effective(w, c, 'appArmorProfile')
      const profileObj = obj(profile?.value)
      if (str(profileObj?.type) === 'Unconfined') {
        ctx.report({ line: lineOf(profileObj, 'type'), container: c.name, message: `${containerWord(c)} sets appArmorProfile type Unconfined${profile?.level === 'pod' ? ' (inherited from the pod)' : ''}` })
        return
      }
      const annotations = podAnnotations(w)
      if (str(annotations[ANNOTATION + c.name]) === 'unconfined') {
        ctx.report({ line: lineOf(annotations, ANNOTATION + c.name), container: c.name, message: `annotation ${ANNOTATION}${c.name} is unconfined` })
      }
    })
  }
}
