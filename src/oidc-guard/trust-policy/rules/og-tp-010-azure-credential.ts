import { GITHUB_ISSUER_TEXT } from '../model.js'
import { AZURE_AUDIENCE, azureExpressionReach } from './azure.js'
import { trustFinding, type TrustPolicyRule } from './types.js'

const GITHUB_ISSUER_EXACT = /^https:\/\/(token\.actions\.githubusercontent\.com(\/[A-Za-z0-9-]+)?|token\.actions\.[a-z0-9-]+\.ghe\.com|[^/]+\/_services\/token)$/

export const rule: TrustPolicyRule = {
  id: 'OG-TP-010',
  name: 'azure-federated-credential-misconfigured',
  title: 'Azure federated credential: wrong issuer/audience, wildcard or pull_request subject',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'Entra ID compares issuer, subject and audience exactly; a non-GitHub issuer or extra audiences widen who can exchange tokens, and pull_request / wildcard subjects let unreviewed code reach the app.',
  fix: 'issuer "https://token.actions.githubusercontent.com", audiences ["api://AzureADTokenExchange"], subject "repo:OWNER/REPO:environment:NAME".',
  check(trust) {
    if (trust.kind !== 'azure') return []
    const out = []
    if (trust.issuer !== undefined && !GITHUB_ISSUER_EXACT.test(trust.issuer.trim())) {
      const why = GITHUB_ISSUER_TEXT.test(trust.issuer) ? 'is not the exact GitHub issuer URL (scheme/trailing slash)' : 'is not a GitHub Actions issuer'
      out.push(trustFinding(rule, trust, { line: trust.issuerLine, message: `issuer "${trust.issuer}" ${why}`, identity: 'issuer' }))
    }
    if (trust.audiences.length !== 1 || trust.audiences[0] !== AZURE_AUDIENCE) {
      out.push(
        trustFinding(rule, trust, {
          line: trust.audienceLine,
          message: `audiences [${trust.audiences.join(', ')}] should be exactly [${AZURE_AUDIENCE}]`,
          identity: 'audience'
        })
      )
    }
    if (trust.subject !== undefined && /:pull_request$/.test(trust.subject.trim())) {
      out.push(trustFinding(rule, trust, { line: trust.subjectLine, message: `subject "${trust.subject}" trusts pull_request runs (unreviewed code)`, identity: 'subject-pr' }))
    }
    if (trust.subject === undefined && trust.expression === undefined) {
      out.push(trustFinding(rule, trust, { line: trust.line, message: 'no subject and no claimsMatchingExpression', identity: 'no-subject' }))
    }
    const expr = azureExpressionReach(trust)
    if (trust.expression && (!expr || (expr.reach.reach !== 'any' && expr.reach.reach !== 'owner' && expr.reach.reach !== 'repo-any-context' && /[*?]/.test(expr.pattern)))) {
      out.push(
        trustFinding(rule, trust, {
          line: trust.expressionLine,
          message: expr ? `flexible credential pattern "${expr.pattern}" uses wildcards` : `claimsMatchingExpression "${trust.expression}" could not be read; review it`,
          identity: 'expression'
        })
      )
    }
    return out
  }
}
