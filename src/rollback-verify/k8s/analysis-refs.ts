import { arr, at, obj, str } from '../common/node.js'
import type { K8sObject } from './types.js'

export interface TemplateRef {
  name: string
  clusterScope: boolean
  /** Where the reference is written (YAML path). */
  at: Array<string | number>
  /** 'step' = inline canary step analysis (must finish); others run in the background or around promotion. */
  use: 'step' | 'background' | 'prePromotion' | 'postPromotion'
}

function refsIn(value: unknown, base: Array<string | number>, use: TemplateRef['use']): TemplateRef[] {
  // Older Rollouts name a single template directly: analysis: { templateName: x }.
  const single = str(obj(value)?.templateName)
  if (single) return [{ name: single, clusterScope: obj(value)?.clusterScope === true, at: [...base, 'templateName'], use }]
  return arr(obj(value)?.templates).flatMap((t, i) => {
    const name = str(obj(t)?.templateName)
    return name ? [{ name, clusterScope: obj(t)?.clusterScope === true, at: [...base, 'templates', i, 'templateName'], use }] : []
  })
}

/** Every AnalysisTemplate reference of an Argo Rollout. */
export function templateRefs(o: K8sObject): TemplateRef[] {
  const canary = ['spec', 'strategy', 'canary']
  const blueGreen = ['spec', 'strategy', 'blueGreen']
  const steps = arr(at(o.data, ...canary, 'steps'))
  return [
    ...steps.flatMap((step, i) => refsIn(obj(step)?.analysis, [...canary, 'steps', i, 'analysis'], 'step')),
    ...refsIn(at(o.data, ...canary, 'analysis'), [...canary, 'analysis'], 'background'),
    ...refsIn(at(o.data, ...blueGreen, 'prePromotionAnalysis'), [...blueGreen, 'prePromotionAnalysis'], 'prePromotion'),
    ...refsIn(at(o.data, ...blueGreen, 'postPromotionAnalysis'), [...blueGreen, 'postPromotionAnalysis'], 'postPromotion')
  ]
}
