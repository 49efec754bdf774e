import type { EcsRule } from '../model.js'
import { rule as ecs1 } from './rv-ecs-001-no-circuit-breaker.js'
import { rule as ecs2 } from './rv-ecs-002-breaker-without-rollback.js'
import { rule as ecs3 } from './rv-ecs-003-no-alarm-rollback.js'
import { rule as ecs4 } from './rv-ecs-004-zero-healthy-percent.js'
import { rule as ecs5 } from './rv-ecs-005-mutable-image.js'
import { rule as ecs6 } from './rv-ecs-006-breaker-ignored.js'

export const ECS_RULES: readonly EcsRule[] = [ecs1, ecs2, ecs3, ecs4, ecs5, ecs6]
