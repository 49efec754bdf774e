import { oneLine, ruleSection, ruleTable, type RuleDocStyle } from '../core/rule-docs.js'
import { ruleFamilies, type RuleFamily } from './rules.js'

export const DOCS_PATH = 'docs/rules/rollback-verify.md'

const STYLE: RuleDocStyle = { isEnabled: rule => rule.enabledByDefault !== false, enableHint: 'enable it with `rollback-verify.enable`' }

function familySection(family: RuleFamily): string[] {
  return [
    `## ${family.title} (${family.prefix}, mode \`${family.mode}\`)`,
    '',
    oneLine(family.intro),
    '',
    ruleTable(family.rules, STYLE),
    '',
    ...family.rules.map(rule => ruleSection(rule, STYLE))
  ]
}

/** The whole docs/rules/rollback-verify.md page, generated from the rule metadata. */
export function renderRuleDocs(): string {
  return [
    '# rollback-verify rules',
    '',
    '<!-- Generated from the rule metadata by src/rollback-verify/docs.ts; do not edit by hand. -->',
    '<!-- Regenerate: UPDATE_RULE_DOCS=1 npx vitest run test/rollback-verify/docs.test.ts -->',
    '',
    '"A rollback you have never tested is a rollback that might fail when you need it most." rollback-verify checks that a',
    'release can be undone before it ships (mode `check`), proves the migrations go down and up again (mode `drill`), and',
    'watches the release after it ships, rolling it back when the analysis fails (mode `analyze`).',
    '',
    'Severities map to the default policy: `high` blocks (fail-on: high), `medium` warns, `info` reports. Change a rule\'s',
    'severity with `rollback-verify.severity`, switch rules off with `rollback-verify.disable`, or suppress single findings',
    'with a `rollback-verify-ignore RULE-ID reason` comment (`--` in SQL, `#` in YAML and Terraform) on or above the line.',
    '',
    '## Configuration (`rollback-verify:` in .github/deploy-gates.yml)',
    '',
    '```yaml',
    'rollback-verify:',
    '  migrations: db/migrations          # or a list; default: discovered',
    '  paths: [k8s, deploy]               # where manifests / ECS / Terraform live (default: the repository)',
    '  app-paths: [\'src/**\']              # what counts as application code for RV-MIG-005/006',
    '  gitops: true                       # rollback = git revert: revisionHistoryLimit 0 is fine (RV-K8S-001)',
    '  environment: production            # production | staging | dev (Recreate is fine outside production)',
    '  min-success-rate: 0.99             # RV-AN-006',
    '  missing-down: error                # RV-MIG-001 blocks (default: warning)',
    '  check-down: true                   # locking SQL rules on down migrations too',
    '  disable: [RV-SQL-017]',
    '  severity: { RV-K8S-002: high }',
    '  drill: { seed: true, timeout-ms: 60000, database-url-env: DRILL_DATABASE_URL }',
    '  analyze: { prometheus-url: http://prometheus:9090, query: \'…\', success-condition: \'…\', count: 5, interval: 1m }',
    '```',
    '',
    ...ruleFamilies().flatMap(familySection)
  ].join('\n')
}
