import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeployGatesConfig } from '../../../src/core/config.js'
import type { RunContext } from '../../../src/core/context.js'
import { silentLogger } from '../../../src/core/logger.js'
import type { ScanResult } from '../../../src/core/result.js'
import { runTrustPolicyAudit } from '../../../src/oidc-guard/trust-policy/audit.js'
import { TRUST_POLICY_RULES } from '../../../src/oidc-guard/trust-policy/rules/index.js'

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/oidc-guard/trust-policy')
const ctx: RunContext = { workspace: FIXTURES, config: DeployGatesConfig.empty(), logger: silentLogger }

async function audit(...paths: string[]): Promise<ScanResult> {
  return runTrustPolicyAudit(ctx, { paths })
}

/** "line RULE severity" per finding, in file order. */
function summary(result: ScanResult): string[] {
  return result.findings.map(f => `${f.line} ${f.ruleId} ${f.severity}`)
}

describe('trust-policy audit: one fixture per rule, exact findings and lines', () => {
  it.each<[string, string[]]>([
    // clean
    ['aws/good-immutable.json', []],
    ['aws/good-get-role.json', []],
    ['cfn/good.yaml', []],
    ['azure/good.json', []],
    ['aws/good-name.json', ['11 OG-TP-011 info']],
    // AWS JSON
    ['aws/tp001-no-sub.json', ['4 OG-TP-001 critical']],
    ['aws/tp002-any-repo.json', ['13 OG-TP-002 critical']],
    ['aws/condition-key-only.json', ['9 OG-TP-002 critical']],
    ['aws/tp003-org-wide.json', ['10 OG-TP-003 high', '10 OG-TP-011 info']],
    ['aws/tp004-any-context.json', ['10 OG-TP-004 medium']],
    ['aws/tp005-no-aud.json', ['4 OG-TP-005 medium']],
    ['aws/tp006-equals-wildcard.json', ['11 OG-TP-006 low', '21 OG-TP-006 info']],
    ['aws/tp007-set-operator.json', ['10 OG-TP-007 medium']],
    ['aws/tp008-workflow-only.json', ['11 OG-TP-008 high']],
    // CloudFormation (short tags, provider by !GetAtt / Ref, admin raise)
    ['cfn/org-wide-admin.yaml', ['29 OG-TP-003 critical', '29 OG-TP-011 info']],
    ['cfn/provider-ref-no-condition.json', ['12 OG-TP-001 critical', '12 OG-TP-005 medium']],
    // Terraform
    ['tf/jsonencode.tf', ['15 OG-TP-003 critical', '15 OG-TP-011 info']],
    ['tf/heredoc.tf', ['8 OG-TP-005 medium', '12 OG-TP-002 critical']],
    [
      'tf/policy-document.tf',
      // 004 is raised to high: the role using data.scoped has AdministratorAccess
      ['7 OG-TP-001 critical', '7 OG-TP-005 medium', '31 OG-TP-006 info', '31 OG-TP-011 info', '32 OG-TP-004 high']
    ],
    ['tf/gcp.tf', ['1 OG-TP-009 high', '16 OG-TP-003 high', '16 OG-TP-011 info']],
    ['tf/azure.tf', ['4 OG-TP-010 medium', '6 OG-TP-010 medium', '6 OG-TP-011 info']],
    // templatefile() JSON: a bare ${jsonencode(subjects)} is not evaluated (no finding), a literal pattern is
    ['tpl/trust.json.tpl', ['19 OG-TP-003 high', '19 OG-TP-011 info']],
    // gcloud / az JSON
    ['gcp/provider-workflow-only.json', ['9 OG-TP-008 high']],
    ['azure/flexible-org.json', ['3 OG-TP-010 medium', '4 OG-TP-003 high']]
  ])('%s', async (file, expected) => {
    const result = await audit(file)
    expect(result.errors).toEqual([])
    expect(result.inputs).toEqual([file])
    expect(summary(result)).toEqual(expected)
    for (const f of result.findings) {
      expect(f.path).toBe(file)
      expect(f.helpUri).toMatch(new RegExp(`docs/rules/oidc-guard\\.md#${f.ruleId.toLowerCase()}$`))
      expect(f.fix).toBeTruthy()
      expect(f.kind).toBe('misconfiguration')
    }
  })

  it('covers every rule with at least one bad fixture', async () => {
    const all = await audit('aws', 'cfn', 'tf', 'gcp', 'azure')
    const fired = new Set(all.findings.map(f => f.ruleId))
    expect(TRUST_POLICY_RULES.map(r => r.id).filter(id => !fired.has(id))).toEqual([])
    expect(TRUST_POLICY_RULES.map(r => r.id)).toEqual(Array.from({ length: 11 }, (_, i) => `OG-TP-${String(i + 1).padStart(3, '0')}`))
  })

  it('explains the admin raise and names the resource', async () => {
    const [f] = (await audit('cfn/org-wide-admin.yaml')).findings
    expect(f!.message).toMatch(/^DeployRole: .*repo:\$\{GitHubOrg\}\/\*.*administrator-like/)
    expect(f!.properties).toMatchObject({ provider: 'aws', resource: 'DeployRole' })
  })

  it('fingerprints ignore line numbers and differ per resource', async () => {
    const a = await audit('tf/gcp.tf')
    const b = await audit('tf/gcp.tf')
    expect(a.findings.map(f => f.fingerprint)).toEqual(b.findings.map(f => f.fingerprint))
    expect(new Set(a.findings.map(f => f.fingerprint)).size).toBe(a.findings.length)
  })

  it('adds an inventory section listing every trust found', async () => {
    const result = await audit('tf/gcp.tf', 'aws/good-immutable.json')
    const markdown = result.sections?.[0]?.markdown ?? ''
    expect(markdown).toContain('| tf/gcp.tf:1 | gcp | google_iam_workload_identity_pool_provider.open | unscoped |')
    expect(markdown).toContain('| aws/good-immutable.json:3 | aws | trust policy | scoped (sub) |')
  })
})

describe('trust-policy audit: Terraform across files and unsupported expressions', () => {
  it('recognizes a provider defined in another file and notes jsonencode(merge(...))', async () => {
    const result = await audit('tf-split')
    expect(result.errors).toEqual([])
    expect(summary(result)).toEqual(['7 OG-TP-001 critical', '7 OG-TP-005 medium'])
    expect(result.findings[0]!.message).toContain('aws_iam_role.ci')
    expect(result.notices?.join('\n')).toMatch(/tf-split\/role.tf:17: aws_iam_role.merged: jsonencode\(\) of a non-literal expression/)
  })
})

describe('trust-policy audit: notices for what is not evaluated', () => {
  it('names a role whose policy comes from file()', async () => {
    const result = await audit('tf/policy-document.tf')
    expect(result.notices).toEqual([
      'tf/policy-document.tf:50: aws_iam_role.from_file: assume_role_policy = file("${path.module}/trust.json") is not evaluated; audit the rendered policy (file/template/variable) directly'
    ])
  })
})

describe('trust-policy audit: fails closed', () => {
  it.each([
    ['malformed/missing-comma.json', /^malformed\/missing-comma\.json:7: invalid JSON/],
    ['malformed/bad-indent.yaml', /^malformed\/bad-indent\.yaml:8: invalid YAML/],
    ['malformed/unbalanced.tf', /^malformed\/unbalanced\.tf:5: invalid HCL/],
    ['malformed/heredoc-bad-json.tf', /^malformed\/heredoc-bad-json\.tf:3: assume_role_policy is not valid JSON/]
  ])('%s is an error with file and line', async (file, message) => {
    const result = await audit(file)
    expect(result.findings).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.path).toBe(file)
    expect(result.errors[0]!.message).toMatch(message)
  })

  it('reports a named file that is broken even if it holds no trust', async () => {
    const result = await audit('unrelated/broken.yml')
    expect(result.errors.map(e => e.path)).toEqual(['unrelated/broken.yml'])
  })

  it('skips unrelated files in a directory walk but errors when no trust is found at all', async () => {
    const result = await audit('unrelated')
    expect(result.inputs).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.message).toMatch(/no GitHub OIDC trust policy found/)
  })

  it('reports missing paths and empty path lists', async () => {
    expect((await audit('nope/trust.json')).errors[0]!.message).toMatch(/not found/)
    expect((await audit()).errors[0]!.message).toMatch(/no trust-policy paths/)
  })

  it('keeps a directory walk going past a broken file and still reports it', async () => {
    const result = await audit('malformed', 'aws/tp001-no-sub.json')
    expect(result.errors.map(e => e.path).sort()).toEqual([
      'malformed/bad-indent.yaml',
      'malformed/heredoc-bad-json.tf',
      'malformed/missing-comma.json',
      'malformed/unbalanced.tf'
    ])
    expect(summary(result)).toEqual(['4 OG-TP-001 critical'])
  })
})

describe.skipIf(!existsSync(FIXTURES))('fixture directory', () => {
  it('exists', () => expect(existsSync(FIXTURES)).toBe(true))
})
