import { fingerprintOf, type Finding } from '../../src/core/finding.js'
import type { Severity } from '../../src/core/severity.js'

/** A finding for tests of the core; every field real, the identity derived from the inputs. */
export function makeFinding(overrides: Partial<Finding> & { severity: Severity }): Finding {
  const source = overrides.source ?? 'trivy'
  const ruleId = overrides.ruleId ?? `RULE-${overrides.severity}`
  const path = overrides.path ?? 'src/app.ts'
  return {
    source,
    ruleId,
    ruleName: overrides.ruleName ?? ruleId.toLowerCase(),
    title: overrides.title ?? `${ruleId} title`,
    message: overrides.message ?? `${ruleId} message`,
    path,
    line: overrides.line ?? 1,
    fingerprint: overrides.fingerprint ?? fingerprintOf(source, ruleId, path, overrides.message),
    helpUri: overrides.helpUri ?? `https://example.test/${ruleId}`,
    kind: overrides.kind ?? 'misconfiguration',
    ...overrides
  }
}
