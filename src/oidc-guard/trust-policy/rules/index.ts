import { rule as noRepositoryScope } from './og-tp-001-no-repository-scope.js'
import { rule as anyRepository } from './og-tp-002-any-repository.js'
import { rule as ownerWide } from './og-tp-003-owner-wide.js'
import { rule as anyContext } from './og-tp-004-any-context.js'
import { rule as noAudience } from './og-tp-005-no-audience.js'
import { rule as wildcardOperator } from './og-tp-006-wildcard-operator.js'
import { rule as setOperator } from './og-tp-007-set-operator.js'
import { rule as attackerClaims } from './og-tp-008-attacker-claims.js'
import { rule as gcpNoCondition } from './og-tp-009-gcp-no-condition.js'
import { rule as azureCredential } from './og-tp-010-azure-credential.js'
import { rule as nameBasedSubject } from './og-tp-011-name-based-subject.js'
import type { TrustPolicyRule } from './types.js'

export type { TrustPolicyRule } from './types.js'

export const TRUST_POLICY_RULES: readonly TrustPolicyRule[] = [
  noRepositoryScope,
  anyRepository,
  ownerWide,
  anyContext,
  noAudience,
  wildcardOperator,
  setOperator,
  attackerClaims,
  gcpNoCondition,
  azureCredential,
  nameBasedSubject
]
