import { flag, isIntrinsicObject, list, map, scalar, shapeFaults, type Shape } from '../manifests/shape.js'
import type { LoadedDoc } from '../manifests/yaml.js'

/**
 * The structure the RV-ECS rules read, in the ECS API's camelCase (CloudFormation's
 * PascalCase is matched too). `deploymentConfiguration: "x"` would otherwise read
 * as "no circuit breaker configured" and the real configuration would go unchecked.
 */
const FLAGS = map({ enable: flag, rollback: flag })

export const SERVICE_SHAPE: Shape = map({
  serviceName: scalar,
  deploymentController: map({ type: scalar }),
  deploymentConfiguration: map({
    deploymentCircuitBreaker: FLAGS,
    alarms: map({ enable: flag, rollback: flag, alarmNames: list(scalar) }),
    minimumHealthyPercent: scalar,
    maximumPercent: scalar
  })
})

const CONTAINER = map({ name: scalar, image: scalar })

export const TASK_DEFINITION_SHAPE: Shape = map({ family: scalar, containerDefinitions: list(CONTAINER) })

/** `line N: ECS service api: deploymentConfiguration must be a mapping, found a string` per wrong-typed value. */
export function ecsStructureErrors(doc: LoadedDoc, base: Array<string | number>, value: unknown, shape: Shape, what: string, cloudFormation: boolean): string[] {
  const faults = shapeFaults(value, shape, [], {
    pascalCase: cloudFormation,
    // CloudFormation intrinsics (`{ "Fn::If": … }`, `!If […]`, `!Ref x`) stand for a value of any type.
    ...(cloudFormation && { isIntrinsic: (v: unknown, at: Array<string | number>) => isIntrinsicObject(v) || doc.isTagged([...base, ...at]) })
  })
  return faults.map(f => `line ${doc.lineOf([...base, ...f.at])}: ${what}: ${f.message}`)
}
