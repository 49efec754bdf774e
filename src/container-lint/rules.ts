import type { RuleMeta } from '../core/rule.js'
import { DOCKERFILE_RULES } from './dockerfile/lint.js'
import { K8S_RULES } from './k8s/rules/index.js'

export const RULE_SET = 'container-lint'

/** Every container-lint rule (Dockerfile half, then Kubernetes half), for config validation and docs. */
export function allRules(): readonly RuleMeta[] {
  return [...DOCKERFILE_RULES, ...K8S_RULES]
}

export function findRule(id: string): RuleMeta | undefined {
  return allRules().find(r => r.id === id)
}

export function isEnabledByDefault(rule: RuleMeta): boolean {
  return rule.enabledByDefault !== false
}
