import type { Finding } from '../../../core/finding.js'
import type { RuleMeta } from '../../../core/rule.js'
import type { RollbackVerifyConfig } from '../../config.js'
import type { AnalyzedMigration } from '../../sql/analyze.js'
import type { MigrationSet } from '../discover.js'
import type { ChangedFile } from '../git.js'

/** What the base ref tells about this change set (absent without --base-ref). */
export interface GitView {
  baseRef: string
  changed: ChangedFile[]
  /** Changed migration files of this set (A/M), workspace-relative. */
  changedMigrations: ChangedFile[]
  /** Changed files counted as application code. */
  appChanged: string[]
  /** Migration file paths of this set's directory on the base ref. */
  baseFiles: string[]
}

export interface MigrationRuleContext {
  set: MigrationSet
  analyzed: AnalyzedMigration[]
  /** RV-SQL findings already produced for this set (RV-MIG-006 builds on them). */
  sqlFindings: Finding[]
  git?: GitView
  config: RollbackVerifyConfig
}

export interface MigrationHit {
  path: string
  line: number
  message: string
  key: string
}

export interface MigrationRule extends RuleMeta {
  check(ctx: MigrationRuleContext): MigrationHit[]
}

/** Line of a part's marker for single-file tools (the `-- migrate:up` line), else 1. */
export function markerLine(startLine: number): number {
  return startLine > 1 ? startLine - 1 : 1
}
