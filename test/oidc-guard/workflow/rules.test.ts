import { describe, expect, it } from 'vitest'
import { auditWorkflowText } from '../../../src/oidc-guard/workflow/audit.js'
import { WORKFLOW_RULES } from '../../../src/oidc-guard/workflow/rules/index.js'
import { auditFixture, fixture, summary } from '../helpers.js'

/**
 * Every fixture's exact set of unsuppressed findings (rule@line:severity).
 * A new finding, a lost one, a moved line or a changed severity all fail.
 */
const EXPECTED: Record<string, string[]> = {
  'aws-oidc-good.yml': [],
  'aws-static-keys.yml': ['OG-WF-001@17:high', 'OG-WF-001@24:high', 'OG-WF-014@21:info'],
  'oidc-missing-id-token.yml': ['OG-WF-010@15:high'],
  'seed-workflow-level-id-token.yml': ['OG-WF-011@7:medium', 'OG-WF-014@15:info', 'OG-WF-030@21:high'],
  'prt-checkout-exec.yml': ['OG-WF-012@7:low', 'OG-WF-020@14:critical', 'OG-WF-022@3:info'],
  // A labeler on pull_request_target with GITHUB_TOKEN only: informational, nothing blocks.
  'prt-labeler.yml': ['OG-WF-012@6:low', 'OG-WF-022@3:info'],
  'prt-secrets.yml': ['OG-WF-004@14:high', 'OG-WF-008@14:high', 'OG-WF-021@14:high', 'OG-WF-022@3:info'],
  'prt-guarded.yml': ['OG-WF-020@27:high', 'OG-WF-021@30:medium', 'OG-WF-022@3:info'],
  'issue-comment-checkout.yml': ['OG-WF-020@15:high', 'OG-WF-022@3:info'],
  'workflow-run-guarded.yml': ['OG-WF-012@8:low', 'OG-WF-020@15:medium', 'OG-WF-022@3:info'],
  'reusable-inherit.yml': [
    'OG-WF-030@9:medium',
    'OG-WF-030@26:medium',
    'OG-WF-030@27:medium',
    'OG-WF-031@10:medium',
    'OG-WF-032@21:medium',
    'OG-WF-032@25:medium'
  ],
  'hardcoded.yml': ['OG-WF-033@12:critical', 'OG-WF-033@14:critical', 'OG-WF-033@20:critical', 'OG-WF-033@25:critical'],
  'gcp-azure-keys.yml': ['OG-WF-002@14:high', 'OG-WF-003@21:high', 'OG-WF-003@25:high', 'OG-WF-010@41:high', 'OG-WF-014@36:info'],
  'publish-tokens.yml': ['OG-WF-006@13:medium', 'OG-WF-006@22:medium', 'OG-WF-010@46:high'],
  'registry-logins.yml': [
    'OG-WF-001@34:high',
    'OG-WF-004@28:medium',
    'OG-WF-005@16:low',
    'OG-WF-005@38:low',
    'OG-WF-008@28:high',
    'OG-WF-012@7:low',
    'OG-WF-014@9:info'
  ],
  'vault.yml': ['OG-WF-007@11:low'],
  'no-permissions.yml': ['OG-WF-012@11:medium', 'OG-WF-012@2:medium'],
  'write-all.yml': ['OG-WF-012@4:medium'],
  'unused-id-token.yml': ['OG-WF-013@10:low'],
  'inline-ignore.yml': ['OG-WF-030@12:medium']
}

describe('workflow rules over fixtures', () => {
  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    expect(summary(auditFixture(name).findings)).toEqual([...expected].sort())
  })

  it('audits a composite action file, recognised by name or by content', () => {
    const { findings } = auditWorkflowText(fixture('composite-action.yml'), 'actions/deploy/action.yml')
    expect(summary(auditFixture('composite-action.yml').findings)).toEqual(summary(findings))
    expect(summary(findings)).toEqual(['OG-WF-001@9:high', 'OG-WF-030@6:high'])
    expect(findings.find(f => f.ruleId === 'OG-WF-001')!.message).toContain('composite action')
  })

  it('gives every finding a fix, a help link and a line-free fingerprint', () => {
    for (const name of Object.keys(EXPECTED)) {
      for (const f of auditFixture(name).findings) {
        expect(f.fix, `${name} ${f.ruleId}`).toMatch(/\S{10}/)
        expect(f.helpUri).toMatch(new RegExp(`docs/rules/oidc-guard\\.md#${f.ruleId.toLowerCase()}$`))
        expect(f.source).toBe('oidc-guard')
      }
    }
  })

  it('keeps fingerprints when lines move, and they are unique within a file', () => {
    const original = auditFixture('reusable-inherit.yml').findings
    const shifted = auditFixtureText('reusable-inherit.yml', text => `# a comment\n\n${text}`)
    expect(shifted.map(f => f.line)).toEqual(original.map(f => f.line + 2))
    expect(shifted.map(f => f.fingerprint)).toEqual(original.map(f => f.fingerprint))
    expect(new Set(original.map(f => f.fingerprint)).size).toBe(original.length)
  })

  it('missing id-token fix keeps the scopes the job inherited', () => {
    const f = auditFixture('oidc-missing-id-token.yml').findings.find(x => x.ruleId === 'OG-WF-010')!
    expect(f.fix).toContain('  deploy:\n    permissions:\n      contents: read\n      deployments: read\n      id-token: write')
  })

  it('reports a guarded checkout one level lower and says why', () => {
    const f = auditFixture('workflow-run-guarded.yml').findings.find(x => x.ruleId === 'OG-WF-020')!
    expect(f.message).toMatch(/allow-unsafe-pr-checkout/)
    const unguarded = auditFixtureText('workflow-run-guarded.yml', t => t.replace('path: pr', 'path: pr\n          allow-unsafe-pr-checkout: true'))
    expect(unguarded.find(x => x.ruleId === 'OG-WF-020')!.severity).toBe('high')
  })

  it('escalates unpinned actions in jobs holding cloud credentials', () => {
    const text = `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/tool@v1\n  b:\n    runs-on: x\n    permissions: {id-token: write}\n    steps:\n      - uses: acme/tool@v1\n      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502\n        with: {role-to-assume: arn}\n`
    const findings = auditText(text).filter(f => f.ruleId === 'OG-WF-030')
    expect(findings.map(f => `${f.properties?.job}:${f.severity}`)).toEqual(['a:medium', 'b:high'])
  })

  it('does not flag first-party actions, local actions, SHA pins or digests (OG-WF-030)', () => {
    const text = `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: ./local\n      - uses: acme/tool@0123456789abcdef0123456789abcdef01234567\n      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`
    expect(auditText(text)).toEqual([])
  })

  it('pin-exempt globs skip OG-WF-030, OG-WF-034 is off by default and can be enabled', () => {
    const text = `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/tool@v1\n      - uses: actions/checkout@v4\n`
    expect(auditText(text, { pinExempt: ['acme/*'] })).toEqual([])
    const og034 = WORKFLOW_RULES.find(r => r.id === 'OG-WF-034')!
    expect(og034.enabledByDefault).toBe(false)
    expect(summary(auditText(text, { rules: [og034] }))).toEqual(['OG-WF-034@8:low'])
  })

  it('min-auth-level turns the inventory into a gate', () => {
    const text = `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: x\n    environment: prod\n    steps:\n      - run: deploy\n        env:\n          SLACK: \${{ secrets.SLACK_WEBHOOK }}\n          GH_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`
    expect(summary(auditText(text)).filter(s => s.startsWith('OG-WF-008'))).toEqual([])
    expect(summary(auditText(text, { minAuthLevel: 'short-lived' }))).toEqual(['OG-WF-008@10:high'])
    expect(summary(auditText(text, { minAuthLevel: 'oidc' }))).toEqual(['OG-WF-008@10:high', 'OG-WF-008@11:high'])
    expect(summary(auditFixture('prt-secrets.yml', { minAuthLevel: 'pat' }).findings).filter(s => s.startsWith('OG-WF-008'))).toEqual([])
  })

  it('applies severity overrides', () => {
    expect(summary(auditFixture('vault.yml', { severity: { 'OG-WF-007': 'high' } }).findings)).toEqual(['OG-WF-007@11:high'])
  })

  it('an event_name guard keeps a push-only job out of the privileged-trigger rules', () => {
    const f = auditFixture('prt-guarded.yml').findings
    expect(f.filter(x => x.properties?.job === 'deploy')).toEqual([])
  })

  it('unused id-token is silent when a third-party action may consume it', () => {
    const f = auditFixture('unused-id-token.yml').findings
    expect(f.map(x => x.properties?.job)).toEqual(['build'])
    const withConsumer = auditText(
      `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: x\n    permissions: {id-token: write}\n    steps:\n      - run: uv publish\n`
    )
    expect(withConsumer).toEqual([])
  })
})

function auditText(text: string, options = {}) {
  return auditWorkflowText(text, '.github/workflows/inline.yml', options).findings
}

function auditFixtureText(name: string, edit: (text: string) => string) {
  return auditWorkflowText(edit(fixture(name)), `.github/workflows/${name}`).findings
}
