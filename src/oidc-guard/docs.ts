import type { RuleMeta } from '../core/rule.js'
import { ruleSection, ruleTable, type RuleDocStyle } from '../core/rule-docs.js'
import { TOKEN_RULES } from './token/rules.js'
import { TRUST_POLICY_RULES } from './trust-policy/rules/index.js'
import { isEnabledByDefault, WORKFLOW_RULE_METAS } from './rules.js'

export const DOCS_PATH = 'docs/rules/oidc-guard.md'

const STYLE: RuleDocStyle = { isEnabled: isEnabledByDefault, enableHint: 'enable it with `oidc-guard.enable` in the config file' }
const section = (rule: RuleMeta): string => ruleSection(rule, STYLE)
const table = (rules: readonly RuleMeta[]): string => ruleTable(rules, STYLE)

function group(title: string, intro: string, rules: readonly RuleMeta[]): string[] {
  return [`## ${title}`, '', intro, '', table(rules), '', ...rules.map(section)]
}

/** The whole docs/rules/oidc-guard.md, generated from the rules' own metadata (workflow, trust-policy and token rules). */
export function renderRuleDocs(): string {
  return `${[
    '# oidc-guard rules',
    '',
    '<!-- Generated from the rule metadata by renderRuleDocs() in src/oidc-guard/docs.ts; do not edit by hand.',
    '     Regenerate with: UPDATE_RULE_DOCS=1 npx vitest run test/oidc-guard/docs.test.ts -->',
    '',
    'oidc-guard enforces the authentication table "OIDC tokens > short-lived tokens > stored secrets > personal access',
    'tokens" in three modes: `audit` (workflow files, OG-WF), `trust-policies` (cloud trust policies, OG-TP) and',
    '`verify-token` (the run-time ID-token gate, OG-RT). Severities are on the deploy-gates scale.',
    '',
    '## Configuration (`.github/deploy-gates.yml`)',
    '',
    '```yaml',
    'oidc-guard:',
    '  min-auth-level: stored-secret      # oidc | short-lived | stored-secret | pat (OG-WF-008)',
    '  pin-exempt: [acme/*]               # owner/repo globs exempt from OG-WF-030',
    '  oidc-consumers: [pulumi/auth-actions] # extra actions that use the ID token (OG-WF-010/013)',
    '  enable: [OG-WF-034]                # switch on an off-by-default rule',
    '  disable: [OG-WF-022]',
    '  severity: { OG-WF-014: low }       # re-grade a rule',
    '  ignore:',
    '    - { rule: OG-WF-030, path: .github/workflows/legacy.yml, uses: "acme/*", reason: "in-house action, tag protected" }',
    '```',
    '',
    'Inline ignore, on the finding\'s line (anywhere in the step for step findings) or on comment lines right above it:',
    '`# oidc-guard ignore[OG-WF-030] reason` (several ids: `ignore[OG-WF-030,OG-WF-014]`). Unused ignores are reported as',
    'notices. Fingerprints never include line numbers (rule id + file + job + step id/name/uses), so baselines survive edits.',
    '',
    '### Authentication classes',
    '',
    '| class | examples |',
    '|---|---|',
    '| `oidc` | configure-aws-credentials `role-to-assume`, google auth `workload_identity_provider`, azure/login `client-id`, vault-action `method: jwt`, PyPI/npm trusted publishing, attestations, cosign keyless |',
    '| `short-lived` | GITHUB_TOKEN, GitHub App installation tokens, registry tokens minted in the run (ECR/GAR) |',
    '| `stored-secret` | access keys, service-account keys, client secrets, registry passwords, publish tokens, any other secret |',
    '| `pat` | secrets named like `*_PAT` / `PERSONAL_ACCESS_TOKEN`, non-GITHUB_TOKEN secrets bound to `GH_TOKEN`/`github-token`, ghcr.io passwords other than GITHUB_TOKEN |',
    '',
    ...group(
      'Workflow audit (mode `audit`)',
      'Reads `.github/workflows/*.yml|yaml` and composite `action.yml|yaml`. Privileged triggers alone are informational (OG-WF-022); they become high/critical only with a checkout of PR code (OG-WF-020) or reachable credentials (OG-WF-021).',
      WORKFLOW_RULE_METAS
    ),
    ...group('Trust-policy audit (mode `trust-policies`)', 'AWS IAM trust policies (JSON, CloudFormation, Terraform), GCP workload identity providers and Azure federated credentials that trust the GitHub OIDC issuer.', TRUST_POLICY_RULES),
    ...group('Run-time token gate (mode `verify-token`)', 'Verifies the job\'s ID token (issuer, RS256 signature via discovery + JWKS, audience, lifetime) and its claims against the configured policy before a deploy step.', TOKEN_RULES)
  ].join('\n')}\n`
}
