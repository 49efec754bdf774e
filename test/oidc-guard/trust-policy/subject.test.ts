import { describe, expect, it } from 'vitest'
import { analyzeStatement, operatorInfo } from '../../../src/oidc-guard/trust-policy/analysis.js'
import { analyzeCel } from '../../../src/oidc-guard/trust-policy/gcp-condition.js'
import { githubClaimOf } from '../../../src/oidc-guard/trust-policy/model.js'
import { azureExpressionReach } from '../../../src/oidc-guard/trust-policy/rules/azure.js'
import { cfnString, parseStructured, StructuredParseError } from '../../../src/oidc-guard/trust-policy/parse/structured.js'
import { claimReach, subjectReach } from '../../../src/oidc-guard/trust-policy/subject.js'

describe('subjectReach (StringLike semantics unless stated)', () => {
  it.each([
    ['*', 'any'],
    ['repo:*', 'any'],
    ['repo:*:*', 'any'],
    ['repo:*/*', 'any'],
    ['repo:ac*/payments:ref:refs/heads/main', 'any'],
    ['repo:*@65/payments@74:*', 'any'],
    ['repo:acme/*', 'owner'],
    ['repo:acme/pay*', 'owner'],
    ['repo:acme@65/*', 'owner'],
    ['repo:acme/payments:*', 'repo-any-context'],
    ['repo:acme/payments:ref:*', 'repo-any-context'],
    ['repo:acme/payments:ref:refs/heads/*', 'repo-any-context'],
    ['repo:acme/payments:environment:*', 'repo-any-context'],
    ['repo:acme/payments:pull_request', 'pull-request'],
    ['repo:acme/payments:ref:refs/tags/v*', 'scoped'],
    ['repo:acme/payments:environment:prod', 'scoped'],
    ['repo:acme@65/payments@74:environment:prod', 'scoped'],
    ['repo:${var.org}/${var.repo}:environment:prod', 'scoped'],
    ['repository_owner:acme:repository_visibility:private', 'owner'],
    ['repository_id:74:environment:prod', 'scoped'],
    ['job_workflow_ref:acme/platform/.github/workflows/deploy.yml@refs/heads/main', 'scoped'],
    ['workflow:Deploy', 'weak']
  ])('%s → %s', (subject, reach) => {
    expect(subjectReach(subject, true).reach).toBe(reach)
  })

  it('treats * literally under StringEquals', () => {
    expect(subjectReach('repo:acme/*', false).reach).toBe('scoped')
    expect(subjectReach('repo:acme/payments:pull_request', false).reach).toBe('pull-request')
  })

  it('tells the immutable owner@id/repo@id form from names', () => {
    expect(subjectReach('repo:acme@65/payments@74:ref:refs/heads/main', false)).toMatchObject({ immutable: true, nameBased: false })
    expect(subjectReach('repo:acme/payments:ref:refs/heads/main', false)).toMatchObject({ immutable: false, nameBased: true })
  })

  it('reads repository-like claims', () => {
    expect(claimReach('repository', 'acme/*', true)?.reach).toBe('owner')
    expect(claimReach('repository', '*', true)?.reach).toBe('any')
    expect(claimReach('job_workflow_ref', 'acme/platform/.github/workflows/*@*', true)?.reach).toBe('scoped')
    expect(claimReach('repository_owner_id', '65', false)?.reach).toBe('owner')
    expect(claimReach('repository_id', '74', false)).toMatchObject({ reach: 'scoped', immutable: true })
    expect(claimReach('workflow', 'Deploy', false)).toBeUndefined()
  })
})

describe('operators and keys', () => {
  it('splits set operators and IfExists', () => {
    expect(operatorInfo('ForAllValues:StringLikeIfExists')).toMatchObject({ base: 'StringLike', setOperator: 'ForAllValues', ifExists: true, wildcards: true, negated: false })
    expect(operatorInfo('StringNotEquals')).toMatchObject({ negated: true, wildcards: false })
  })

  it('recognizes GitHub condition keys for github.com, GHEC unique issuers, ghe.com and GHES', () => {
    expect(githubClaimOf('token.actions.githubusercontent.com:sub')).toBe('sub')
    expect(githubClaimOf('token.actions.githubusercontent.com/acme-corp:job_workflow_ref')).toBe('job_workflow_ref')
    expect(githubClaimOf('token.actions.acme.ghe.com:aud')).toBe('aud')
    expect(githubClaimOf('github.acme.internal/_services/token:sub')).toBe('sub')
    expect(githubClaimOf('accounts.google.com:sub')).toBeUndefined()
  })
})

describe('analyzeCel (GCP attribute_condition heuristics)', () => {
  it.each<[string, string | undefined]>([
    ["assertion.repository_owner == 'acme'", 'owner'],
    ["assertion.repository_owner_id == '65' && assertion.repository == 'acme/payments'", 'scoped'],
    ["assertion.repository == 'acme/payments' || assertion.repository_owner == 'acme'", 'owner'],
    ["assertion.sub.startsWith('repo:acme/')", 'owner'],
    ["assertion.sub.startsWith('repo:')", 'any'],
    ["assertion.repository in ['acme/a', \"acme/b\"]", 'scoped'],
    ["'acme/payments' == attribute.repository", 'scoped'],
    ["assertion.workflow == 'Deploy'", undefined]
  ])('%s → %s', (condition, reach) => {
    expect(analyzeCel(condition).reach).toBe(reach)
  })

  it('marks empty and claim-free conditions trivial', () => {
    expect(analyzeCel(undefined).trivial).toBe(true)
    expect(analyzeCel('true').trivial).toBe(true)
    expect(analyzeCel("assertion.repository_id == '74'").trivial).toBe(false)
  })
})

describe('structured parsing', () => {
  it('resolves CloudFormation short tags and keeps lines', () => {
    const file = parseStructured('a: !Sub "arn:${AWS::Partition}:x"\nb: !GetAtt Provider.Arn\nc: !Join ["", [x, !Ref Y]]\n', false)
    const value = file.value as Record<string, unknown>
    expect(cfnString(value.a)).toBe('arn:${AWS::Partition}:x')
    expect(cfnString(value.b)).toBe('${Provider.Arn}')
    expect(cfnString(value.c)).toBe('x${Y}')
    expect(file.locate(value, 'c')).toBe(3)
  })

  it('fails with the line of a JSON syntax error, including truncation', () => {
    const error = (text: string): StructuredParseError => {
      try {
        parseStructured(text, true)
      } catch (e) {
        return e as StructuredParseError
      }
      throw new Error('no error')
    }
    expect(error('{\n  "a": 1\n  "b": 2\n}').line).toBe(3)
    expect(error('{\n  "a": [1,\n').line).toBe(3)
  })
})

describe('structured parsing edge cases', () => {
  it('rejects duplicate keys (which one IAM honours is ambiguous)', () => {
    expect(() => parseStructured('{\n  "StringLike": {},\n  "StringLike": {}\n}\n', true)).toThrow(/unique/)
  })

  it('reads multi-document YAML and resolves aliases', () => {
    const file = parseStructured('a: &x repo:acme/payments:ref:refs/heads/main\nb: *x\n---\nc: 1\n', false)
    expect(file.value).toEqual([{ a: 'repo:acme/payments:ref:refs/heads/main', b: 'repo:acme/payments:ref:refs/heads/main' }, { c: 1 }])
  })
})

describe('analyzeStatement', () => {
  const statement = (conditions: Array<[string, string, string[]]>) => ({
    index: 0,
    line: 1,
    conditions: conditions.map(([operator, claim, values]) => ({ operator, claim, key: `token.actions.githubusercontent.com:${claim}`, values, line: 1, valueLines: values.map(() => 1) }))
  })

  it('ANDs conditions: the narrowest scoping condition wins', () => {
    const a = analyzeStatement(statement([['StringLike', 'sub', ['repo:acme/*']], ['StringEquals', 'job_workflow_ref', ['acme/platform/.github/workflows/deploy.yml@refs/heads/main']]]))
    expect(a.scope?.reach).toBe('scoped')
    expect(a.scope?.condition.claim).toBe('job_workflow_ref')
  })

  it('ORs values: one broad value makes the condition broad', () => {
    expect(analyzeStatement(statement([['StringLike', 'sub', ['repo:acme/app:environment:prod', 'repo:*']]])).scope?.reach).toBe('any')
  })

  it('a custom-template value naming no repository leaves the statement unscoped', () => {
    const a = analyzeStatement(statement([['StringEquals', 'sub', ['repo:acme/app:environment:prod', 'workflow:Deploy']]]))
    expect(a.scope).toBeUndefined()
    expect(a.attackerOnly.map(c => c.claim)).toEqual(['sub'])
  })

  it('negated operators do not scope', () => {
    const a = analyzeStatement(statement([['StringNotLike', 'sub', ['repo:evil/*']]]))
    expect(a.scope).toBeUndefined()
    expect(a.attackerOnly).toEqual([])
  })
})

describe('azureExpressionReach (flexible federated credentials)', () => {
  const trust = (expression: string) => ({
    kind: 'azure' as const, path: 'x', resource: 'x', line: 1, issuer: 'https://token.actions.githubusercontent.com', issuerLine: 1,
    subjectLine: 1, expression, expressionLine: 1, audiences: ['api://AzureADTokenExchange'], audienceLine: 1
  })

  it('reads sub and job_workflow_ref clauses, and narrows with and', () => {
    expect(azureExpressionReach(trust("claims['sub'] matches 'repo:contoso/*'"))?.reach.reach).toBe('owner')
    expect(azureExpressionReach(trust("claims['sub'] matches '*'"))?.reach.reach).toBe('any')
    expect(
      azureExpressionReach(trust("claims['sub'] matches 'repo:contoso/*' and claims['job_workflow_ref'] matches 'contoso/platform/.github/workflows/deploy.yml@*'"))?.reach.reach
    ).toBe('scoped')
    expect(azureExpressionReach(trust("claims['sub'] matches 'repo:contoso/app:*' or claims['sub'] matches 'repo:*'"))?.reach.reach).toBe('any')
  })
})
