import { analyzeStatement } from '../analysis.js'
import { analyzeCel } from '../gcp-condition.js'
import { subjectReach } from '../subject.js'
import { statementLabel, trustFinding, type TrustPolicyRule } from './types.js'

export const rule: TrustPolicyRule = {
  id: 'OG-TP-011',
  name: 'name-based-subject',
  title: 'Repository named by name where the immutable id form is available',
  severity: 'info',
  kind: 'misconfiguration',
  rationale:
    'Names can be re-registered after a rename, transfer or deletion; immutable subjects "repo:OWNER@OWNER_ID/REPO@REPO_ID:…" (or repository_id conditions) keep pointing at the same repository.',
  fix: 'Opt the repository into immutable subjects and trust "repo:OWNER@OWNER_ID/REPO@REPO_ID:…", or add a repository_id / repository_owner_id condition.',
  check(trust) {
    if (trust.kind === 'aws') {
      return trust.statements.flatMap(statement => {
        const a = analyzeStatement(statement)
        // With a wildcard owner the id form is not the problem worth mentioning.
        if (!a.nameBasedOnly || !a.scope || a.scope.reach === 'any') return []
        return [
          trustFinding(rule, trust, {
            line: a.scope.condition.line,
            message: `${statementLabel(statement)} identifies the repository by name only`,
            identity: `statement-${statement.index}`
          })
        ]
      })
    }
    if (trust.kind === 'gcp') {
      const cel = analyzeCel(trust.condition)
      if (!cel.nameBasedOnly || cel.reach === 'any') return []
      return [trustFinding(rule, trust, { line: trust.conditionLine, message: 'attribute_condition identifies the repository by name only (use repository_id / repository_owner_id)', identity: 'condition' })]
    }
    if (!trust.subject || !subjectReach(trust.subject, false).nameBased) return []
    return [trustFinding(rule, trust, { line: trust.subjectLine, message: `subject "${trust.subject}" uses names, not the immutable owner@id/repo@id form`, identity: 'subject' })]
  }
}
