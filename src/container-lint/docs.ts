import type { RuleMeta } from '../core/rule.js'
import { ruleSection, ruleTable, type RuleDocStyle } from '../core/rule-docs.js'
import { DOCKERFILE_RULES } from './dockerfile/lint.js'
import { K8S_RULES } from './k8s/rules/index.js'
import { isEnabledByDefault } from './rules.js'

export const DOCS_PATH = 'docs/rules/container-lint.md'

const STYLE: RuleDocStyle = { isEnabled: isEnabledByDefault, enableHint: 'enable it under `container-lint.rules` in the config file' }
const section = (rule: RuleMeta): string => ruleSection(rule, STYLE)
const table = (rules: readonly RuleMeta[]): string => ruleTable(rules, STYLE)

/** The whole docs/rules/container-lint.md, generated from the rules' own metadata. */
export function renderRuleDocs(): string {
  return `${[
    '# container-lint rules',
    '',
    '<!-- Generated from the rule metadata by renderRuleDocs() in src/container-lint/docs.ts; do not edit by hand.',
    '     Regenerate with: UPDATE_RULE_DOCS=1 npx vitest run test/container-lint/docs.test.ts -->',
    '',
    'Severities are on the deploy-gates scale (critical, high, medium, low, info). Rules that are not enabled by default are',
    'implemented and can be switched on in `.github/deploy-gates.yml`:',
    '',
    '```yaml',
    'container-lint:',
    '  rules:',
    '    CL-K8S-018: on                  # enable an off-by-default rule',
    '    CL-DF-008: off                  # disable a rule',
    '    CL-K8S-007: { severity: low }   # re-grade a rule',
    '  allowed-registries: [registry.example.com, ghcr.io/acme]',
    '  minimal-base-images: ["registry.example.com/base/*"]',
    '  paths: ["deploy/**", "**/Dockerfile*"]   # discovered files must match (explicit file arguments always count)',
    '  exclude: ["test/fixtures/**"]',
    '```',
    '',
    'Inline suppression: `# container-lint ignore=CL-DF-008 -- reason` on the line above a Dockerfile instruction,',
    '`# container-lint global ignore=…` for a whole Dockerfile, and the annotation',
    '`container-lint.io/ignore: "CL-K8S-007,CL-K8S-015 -- reason"` on a Kubernetes object (or its pod template).',
    '',
    '## Dockerfile rules',
    '',
    table(DOCKERFILE_RULES),
    '',
    '## Kubernetes rules',
    '',
    table(K8S_RULES),
    '',
    '## Dockerfile rule details',
    '',
    ...DOCKERFILE_RULES.map(section),
    '## Kubernetes rule details',
    '',
    ...K8S_RULES.map(section)
  ]
    .join('\n')
    .trimEnd()}\n`
}
