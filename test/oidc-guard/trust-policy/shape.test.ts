import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DeployGatesConfig } from '../../../src/core/config.js'
import { silentLogger } from '../../../src/core/logger.js'
import type { ScanResult } from '../../../src/core/result.js'
import { runTrustPolicyAudit } from '../../../src/oidc-guard/trust-policy/audit.js'

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/oidc-guard/trust-policy')
const dir = mkdtempSync(join(tmpdir(), 'og-tp-shape-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
async function auditText(text: string, ext = 'json'): Promise<ScanResult> {
  const name = `policy-${++n}.${ext}`
  writeFileSync(join(dir, name), text)
  return runTrustPolicyAudit({ workspace: dir, config: DeployGatesConfig.empty(), logger: silentLogger }, { paths: [name] })
}

const messages = (result: ScanResult): string[] => result.errors.map(e => e.message.replace(/^policy-\d+\.\w+/, 'F'))

/** The fixture with `key` replaced by `value`, pretty-printed so every key has its own line. */
function azure(key: string, value: unknown): string {
  const base = JSON.parse(readFileSync(join(FIXTURES, 'azure/flexible-org.json'), 'utf8')) as Record<string, unknown>
  return JSON.stringify({ ...base, [key]: value }, null, 2)
}

describe('wrong-typed trust fields fail closed (regression: Azure audiences/claimsMatchingExpression strings were ignored)', () => {
  it('Azure: audiences or claimsMatchingExpression given as a string is an error with its line', async () => {
    // Keys keep the fixture order: name 2, issuer 3, claimsMatchingExpression 4, audiences 8 (after the 2-key object).
    const audiences = await auditText(azure('audiences', 'corrupted'))
    expect(messages(audiences)).toEqual(['F:8: federated credential `audiences` must be a list of strings'])
    expect(audiences.findings).toEqual([])
    const expression = await auditText(azure('claimsMatchingExpression', 'corrupted'))
    expect(messages(expression)).toEqual(['F:4: federated credential `claimsMatchingExpression` must be an object with `value` and `languageVersion`'])
  })

  it('Azure: issuer, subject and the expression value of the wrong type are errors too', async () => {
    expect(messages(await auditText(azure('subject', ['repo:acme/x:ref:refs/heads/main'])))).toEqual(['F:11: federated credential `subject` must be a string'])
    expect(messages(await auditText(azure('claimsMatchingExpression', { value: 5, languageVersion: 1 })))).toEqual(['F:5: `claimsMatchingExpression.value` must be a string'])
    expect(messages(await auditText(azure('issuer', ['https://token.actions.githubusercontent.com'])))).toEqual(['F:3: federated credential `issuer` must be a string'])
  })

  it('GCP: oidc, allowedAudiences and attributeCondition of the wrong type are errors', async () => {
    const provider = (patch: Record<string, unknown>): string =>
      JSON.stringify({ name: 'projects/1/locations/global/workloadIdentityPools/p/providers/gh', oidc: { issuerUri: 'https://token.actions.githubusercontent.com' }, attributeCondition: "assertion.repository == 'acme/x'", ...patch }, null, 2)
    expect(messages(await auditText(provider({ attributeCondition: ['x'] })))).toEqual(['F:6: `attributeCondition` must be a string (a CEL expression)'])
    expect(messages(await auditText(provider({ oidc: { issuerUri: 'https://token.actions.githubusercontent.com', allowedAudiences: 'aud' } })))).toEqual(['F:5: `oidc.allowedAudiences` must be a list of strings'])
    expect(messages(await auditText(provider({ oidc: 'https://token.actions.githubusercontent.com' })))).toEqual(['F:3: workload identity provider `oidc` must be an object'])
  })

  it('AWS: Statement, Condition and condition values of the wrong type are errors', async () => {
    const doc = (statement: unknown): string => JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2)
    const good = {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/x:ref:refs/heads/main' } }
    }
    expect(messages(await auditText(JSON.stringify({ Version: '2012-10-17', Statement: 'corrupted', Note: 'token.actions.githubusercontent.com' }, null, 2)))).toEqual(['F:3: `Statement` must be an object or a list of objects'])
    expect(messages(await auditText(doc([good, 'corrupted'])))).toEqual(['F:16: Statement[1] must be an object'])
    expect(messages(await auditText(doc([{ ...good, Condition: 'corrupted' }])))).toEqual(['F:10: Statement[0].Condition must be an object of operators'])
    expect(messages(await auditText(doc([{ ...good, Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': { a: 1 } } } }])))).toEqual([
      'F:12: Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] must be a string or a list of strings'
    ])
    // The well-typed statement is still audited normally.
    const fine = await auditText(doc([good]))
    expect(fine.errors).toEqual([])
  })

  it('Terraform: a literal string for azure audiences is an error, a reference is not', async () => {
    const tf = (audiences: string): string =>
      `resource "azuread_application_federated_identity_credential" "gh" {\n  application_id = "x"\n  display_name   = "gh"\n  issuer         = "https://token.actions.githubusercontent.com"\n  subject        = "repo:acme/x:ref:refs/heads/main"\n  audiences      = ${audiences}\n}\n`
    expect(messages(await auditText(tf('"corrupted"'), 'tf'))).toEqual(['F:6: azuread_application_federated_identity_credential.gh: `audiences` must be a list of strings'])
    expect((await auditText(tf('var.audiences'), 'tf')).errors).toEqual([])
    expect((await auditText(tf('["api://AzureADTokenExchange"]'), 'tf')).errors).toEqual([])
  })
})
