import type { RuleMeta } from '../core/rule.js'
import { LIVE_RULES } from './analyze/rules.js'
import { DRILL_RULES } from './drill/rules.js'
import { ECS_RULES } from './ecs/rules/index.js'
import { K8S_RULES } from './k8s/rules/index.js'
import { MIGRATION_RULES } from './migrations/rules/index.js'
import { SQL_RULES } from './sql/rules/index.js'

/** Metadata only (the check functions stay with their rules). */
function meta<T extends RuleMeta>(rules: readonly T[]): RuleMeta[] {
  return rules.map(rule => {
    const { id, name, title, severity, kind, rationale, fix, anchors, enabledByDefault } = rule
    return { id, name, title, severity, kind, rationale, fix, ...(anchors && { anchors }), ...(enabledByDefault !== undefined && { enabledByDefault }) }
  })
}

export interface RuleFamily {
  prefix: string
  title: string
  mode: 'check' | 'drill' | 'analyze'
  intro: string
  rules: RuleMeta[]
}

/** Every rollback-verify rule, grouped as the documentation presents them. */
export function ruleFamilies(): RuleFamily[] {
  return [
    {
      prefix: 'RV-K8S',
      title: 'Kubernetes Deployments and Argo Rollouts',
      mode: 'check',
      intro: 'Can `kubectl rollout undo` or an Argo abort actually bring the previous version back? Strategies are ranked by the deployment-strategy table: blue-green and canary low risk, rolling medium, recreate high (dev/staging only).',
      rules: meta(K8S_RULES.filter(r => r.id.startsWith('RV-K8S-')))
    },
    {
      prefix: 'RV-AN',
      title: 'Argo Rollouts AnalysisTemplates',
      mode: 'check',
      intro: 'Analysis templates that can actually fail, evaluated with Argo Rollouts\' own measurement semantics.',
      rules: meta(K8S_RULES.filter(r => r.id.startsWith('RV-AN-')))
    },
    {
      prefix: 'RV-ECS',
      title: 'Amazon ECS services and task definitions',
      mode: 'check',
      intro: 'ECS services and task definitions written as aws-cli JSON, CloudFormation (YAML/JSON) or Terraform (`aws_ecs_service`, `aws_ecs_task_definition`).',
      rules: meta(ECS_RULES)
    },
    {
      prefix: 'RV-MIG',
      title: 'Migration structure',
      mode: 'check',
      intro:
        'Tool detected from the files (golang-migrate, dbmate, node-pg-migrate, knex, Flyway, sqitch, Prisma, numbered SQL). RV-MIG-005, -006, -008 and -011 need a base ref (`--base-ref`, input `base-ref`). RV-MIG-013 is not assigned.',
      rules: meta(MIGRATION_RULES)
    },
    {
      prefix: 'RV-SQL',
      title: 'Unsafe SQL in up migrations',
      mode: 'check',
      intro:
        'Up migrations (SQL files, and the literal SQL of `pgm.sql(…)` / `knex.raw(…)` in JS migrations), parsed with the PostgreSQL 18 parser (libpg-query); with `check-down: true` the locking rules (011, 012, 013, 016, 017, 021, 022) also run on downs. Tables created earlier in the same migration count as new and are exempt; each tool\'s transaction mode is known. Suppress one statement with `-- rollback-verify-ignore RV-SQL-00N reason` on the line(s) above it, a whole file with `-- rollback-verify-ignore-file RV-SQL-00N reason`; the reason is required.',
      rules: meta(SQL_RULES)
    },
    {
      prefix: 'RV-DRILL',
      title: 'Migration drill (mode drill)',
      mode: 'drill',
      intro: 'Runs every up, each down newest first and all-up → all-down → all-up on a fresh database (embedded PGlite, or a real PostgreSQL server with `database-url`) and compares catalog snapshots.',
      rules: meta(DRILL_RULES)
    },
    {
      prefix: 'RV-LIVE',
      title: 'Live post-deploy analysis (mode analyze)',
      mode: 'analyze',
      intro: 'Queries Prometheus or an HTTP health endpoint with Argo Rollouts\' analysis semantics, rolls back on failure and verifies the rollback.',
      rules: meta(LIVE_RULES)
    }
  ]
}

/** All rule metadata in documentation order. */
export function allRules(): RuleMeta[] {
  return ruleFamilies().flatMap(f => f.rules)
}
