import type { WorkflowRule } from '../rule.js'
import { rule as og001 } from './og-wf-001-aws-static-keys.js'
import { rule as og002 } from './og-wf-002-gcp-service-account-key.js'
import { rule as og003 } from './og-wf-003-azure-client-secret.js'
import { rule as og004 } from './og-wf-004-personal-access-token.js'
import { rule as og005 } from './og-wf-005-registry-stored-password.js'
import { rule as og006 } from './og-wf-006-publish-token.js'
import { rule as og007 } from './og-wf-007-vault-static-auth.js'
import { rule as og008 } from './og-wf-008-auth-below-minimum.js'
import { rule as og010 } from './og-wf-010-oidc-without-id-token.js'
import { rule as og011 } from './og-wf-011-workflow-level-id-token.js'
import { rule as og012 } from './og-wf-012-broad-permissions.js'
import { rule as og013 } from './og-wf-013-unused-id-token.js'
import { rule as og014 } from './og-wf-014-cloud-job-without-environment.js'
import { rule as og020 } from './og-wf-020-privileged-checkout.js'
import { rule as og021 } from './og-wf-021-privileged-credentials.js'
import { rule as og022 } from './og-wf-022-privileged-trigger.js'
import { rule as og030 } from './og-wf-030-unpinned-uses.js'
import { rule as og031 } from './og-wf-031-secrets-inherit.js'
import { rule as og032 } from './og-wf-032-whole-secrets-context.js'
import { rule as og033 } from './og-wf-033-hardcoded-credentials.js'
import { rule as og034 } from './og-wf-034-first-party-tag.js'

/** Every workflow-audit rule, in catalogue order. */
export const WORKFLOW_RULES: readonly WorkflowRule[] = [
  og001, og002, og003, og004, og005, og006, og007, og008,
  og010, og011, og012, og013, og014,
  og020, og021, og022,
  og030, og031, og032, og033, og034
]
