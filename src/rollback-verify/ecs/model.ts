import type { RuleMeta } from '../../core/rule.js'

/** Tri-state: true / false as written, 'unknown' for CloudFormation intrinsics or Terraform expressions. */
export type Flag = boolean | 'unknown' | undefined

/** An ECS service, whatever format it was written in (JSON, CloudFormation, Terraform). */
export interface EcsService {
  path: string
  name: string
  format: 'json' | 'cloudformation' | 'terraform'
  /** ECS (rolling, the default), CODE_DEPLOY or EXTERNAL. */
  controller: string
  circuitBreaker?: { enable: Flag; rollback: Flag }
  alarms?: { enable: Flag; rollback: Flag; names: number }
  minimumHealthyPercent?: number
  lineOf(field: 'service' | 'circuitBreaker' | 'rollback' | 'alarms' | 'minimumHealthyPercent' | 'controller'): number
}

export interface EcsImage {
  path: string
  /** Task definition (family / logical id / resource name). */
  taskDefinition: string
  container: string
  image: string
  line: number
}

export interface EcsModel {
  services: EcsService[]
  images: EcsImage[]
  /** Wrong-typed values the rules would misread as absent (`line N: …`), per file. */
  errors?: Array<{ path: string; message: string }>
}

export interface EcsHit {
  path: string
  line: number
  message: string
  key: string
}

export interface EcsRule extends RuleMeta {
  check(model: EcsModel): EcsHit[]
}

export function isRolling(service: EcsService): boolean {
  return service.controller.toUpperCase() === 'ECS'
}
