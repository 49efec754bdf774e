import type { RuleMeta } from '../../core/rule.js'
import type { Severity } from '../../core/severity.js'
import type { DockerfileModel } from './model.js'

export type { DockerfileModel } from './model.js'

/** One Dockerfile rule: metadata plus a cheap pass over the shared model. */
export interface DockerfileRule extends RuleMeta {
  check(model: DockerfileModel, options: DockerfileLintOptions): RuleHit[]
}

export interface RuleHit {
  /** 1-based first line of the offending instruction (missing-X: the final stage's FROM line). */
  line: number
  message: string
  column?: number
  endLine?: number
  /** Identity text for the fingerprint, e.g. the instruction text; defaults to the instruction at `line`. */
  key?: string
  /** Overrides the rule's severity for this hit (e.g. a bare ARG vs a baked-in secret). */
  severity?: Severity
}

export interface DockerfileLintOptions {
  isEnabled(rule: RuleMeta): boolean
  /** Registries base images may come from (off when absent). */
  allowedRegistries?: string[]
  /** Extra image patterns (`*` wildcards) accepted as minimal final bases. */
  minimalBaseImages?: string[]
}
