import type { MigrationRule } from './types.js'
import { rule as mig1 } from './rv-mig-001-missing-down.js'
import { rule as mig2 } from './rv-mig-002-empty-migration.js'
import { rule as mig3 } from './rv-mig-003-irreversible-down.js'
import { rule as mig4 } from './rv-mig-004-down-not-inverse.js'
import { rule as mig5 } from './rv-mig-005-migration-with-app-code.js'
import { rule as mig6 } from './rv-mig-006-destructive-with-app-code.js'
import { rule as mig7 } from './rv-mig-007-duplicate-version.js'
import { rule as mig8 } from './rv-mig-008-out-of-order.js'
import { rule as mig9 } from './rv-mig-009-orphan-down.js'
import { rule as mig10 } from './rv-mig-010-no-down-by-design.js'
import { rule as mig11 } from './rv-mig-011-applied-migration-edited.js'
import { rule as mig12 } from './rv-mig-012-non-transactional-in-transaction.js'
import { rule as mig14 } from './rv-mig-014-not-postgresql.js'

/** RV-MIG rules in id order (RV-MIG-013 is not assigned in the catalogue). */
export const MIGRATION_RULES: readonly MigrationRule[] = [mig1, mig2, mig3, mig4, mig5, mig6, mig7, mig8, mig9, mig10, mig11, mig12, mig14]
