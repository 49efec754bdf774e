import { arr, at, bool, isObj, num, obj, str, type Obj } from '../common/node.js'
import { isIntrinsicObject } from '../manifests/shape.js'
import type { LoadedDoc } from '../manifests/yaml.js'
import type { EcsImage, EcsModel, EcsService, Flag } from './model.js'
import { ecsStructureErrors, SERVICE_SHAPE, TASK_DEFINITION_SHAPE } from './shapes.js'

function flag(value: unknown): Flag {
  if (value === undefined) return undefined
  const b = bool(value)
  return b === undefined ? 'unknown' : b
}

/** Reads keys case-insensitively on the first letter: the API uses camelCase, CloudFormation PascalCase. */
function get(o: unknown, key: string): unknown {
  const x = obj(o)
  if (!x) return undefined
  return x[key] ?? x[key.charAt(0).toUpperCase() + key.slice(1)]
}

function keyOf(o: unknown, key: string): string {
  const x = obj(o)
  return x && key in x ? key : key.charAt(0).toUpperCase() + key.slice(1)
}

function service(doc: LoadedDoc, base: Array<string | number>, props: Obj, name: string, format: EcsService['format']): EcsService {
  const dc = get(props, 'deploymentConfiguration')
  const dcKey = keyOf(props, 'deploymentConfiguration')
  const cb = get(dc, 'deploymentCircuitBreaker')
  const cbKey = keyOf(dc, 'deploymentCircuitBreaker')
  const alarms = get(dc, 'alarms')
  const mhp = get(dc, 'minimumHealthyPercent')
  return {
    path: doc.path,
    name,
    format,
    controller: str(get(get(props, 'deploymentController'), 'type')) ?? 'ECS',
    ...(cb !== undefined && { circuitBreaker: { enable: flag(get(cb, 'enable')), rollback: flag(get(cb, 'rollback')) } }),
    ...(alarms !== undefined && { alarms: { enable: flag(get(alarms, 'enable')), rollback: flag(get(alarms, 'rollback')), names: arr(get(alarms, 'alarmNames')).length } }),
    ...(num(mhp) !== undefined && { minimumHealthyPercent: num(mhp) }),
    lineOf(field) {
      switch (field) {
        case 'circuitBreaker':
          return doc.lineOf([...base, dcKey, cbKey])
        case 'rollback':
          return doc.lineOf([...base, dcKey, cbKey, keyOf(cb, 'rollback')])
        case 'alarms':
          return doc.lineOf([...base, dcKey, keyOf(dc, 'alarms')])
        case 'minimumHealthyPercent':
          return doc.lineOf([...base, dcKey, keyOf(dc, 'minimumHealthyPercent')])
        case 'controller':
          return doc.lineOf([...base, keyOf(props, 'deploymentController')])
        default:
          return doc.lineOf(base.length > 0 ? base : [keyOf(props, 'serviceName')])
      }
    }
  }
}

function images(doc: LoadedDoc, base: Array<string | number>, props: Obj, taskDefinition: string): EcsImage[] {
  const key = keyOf(props, 'containerDefinitions')
  return arr(props[key]).flatMap((c, i) => {
    const image = str(get(c, 'image'))
    if (!image) return []
    return [{ path: doc.path, taskDefinition, container: str(get(c, 'name')) ?? `#${i}`, image, line: doc.lineOf([...base, key, i, keyOf(c, 'image')]) }]
  })
}

/**
 * ECS services and task definitions in parsed YAML/JSON documents:
 * CloudFormation templates (AWS::ECS::Service / AWS::ECS::TaskDefinition),
 * `aws ecs` CLI JSON (create-service / register-task-definition input,
 * describe-services / describe-task-definition output).
 */
export function ecsFromDocs(docs: LoadedDoc[]): EcsModel {
  const model: EcsModel = { services: [], images: [], errors: [] }
  const fault = (doc: LoadedDoc, messages: string[]): void => {
    model.errors?.push(...messages.map(message => ({ path: doc.path, message })))
  }
  for (const doc of docs) {
    const resources = doc.data.Resources
    if (resources !== undefined && resources !== null && !isObj(resources) && !doc.isTagged(['Resources'])) {
      fault(doc, [`line ${doc.lineOf(['Resources'])}: Resources must be a mapping of resources`])
    }
    if (isObj(resources)) {
      for (const [id, resource] of Object.entries(resources)) {
        const type = str(at(resource, 'Type'))
        if (type !== 'AWS::ECS::Service' && type !== 'AWS::ECS::TaskDefinition') continue
        const properties = at(resource, 'Properties')
        const base = ['Resources', id, 'Properties']
        if (properties !== undefined && !isObj(properties) && !isIntrinsicObject(properties) && !doc.isTagged(base)) {
          fault(doc, [`line ${doc.lineOf(base)}: ${type} ${id}: Properties must be a mapping`])
        }
        const props = obj(properties) ?? {}
        const shape = type === 'AWS::ECS::Service' ? SERVICE_SHAPE : TASK_DEFINITION_SHAPE
        fault(doc, ecsStructureErrors(doc, base, props, shape, `${type} ${id}`, true))
        if (type === 'AWS::ECS::Service') model.services.push(service(doc, base, props, id, 'cloudformation'))
        else model.images.push(...images(doc, base, props, id))
      }
      continue
    }
    const services = doc.data.services
    if (services !== undefined && services !== null && !Array.isArray(services)) {
      fault(doc, [`line ${doc.lineOf(['services'])}: services must be a list of ECS services`])
    }
    if (arr(services).length > 0) {
      arr(services).forEach((s, i) => {
        if (!isObj(s)) return fault(doc, [`line ${doc.lineOf(['services', i])}: services[${i}] must be a mapping (an ECS service)`])
        fault(doc, ecsStructureErrors(doc, ['services', i], s, SERVICE_SHAPE, `ECS service ${str(s.serviceName) ?? `#${i}`}`, false))
        model.services.push(service(doc, ['services', i], s, str(s.serviceName) ?? `#${i}`, 'json'))
      })
      continue
    }
    const isService = doc.data.serviceName !== undefined || doc.data.deploymentConfiguration !== undefined
    if (isService) {
      const name = str(doc.data.serviceName) ?? doc.path
      fault(doc, ecsStructureErrors(doc, [], doc.data, SERVICE_SHAPE, `ECS service ${name}`, false))
      model.services.push(service(doc, [], doc.data, name, 'json'))
    }
    const taskDefinition = doc.data.taskDefinition
    const taskDef = obj(taskDefinition)
    // A service names its task definition (a string ARN / family:revision); anything else must be the definition itself.
    if (taskDefinition !== undefined && taskDefinition !== null && !taskDef && !(isService && typeof taskDefinition === 'string')) {
      fault(doc, [`line ${doc.lineOf(['taskDefinition'])}: taskDefinition must be a task definition mapping${isService ? ' or its ARN' : ''}`])
    }
    if (taskDef) {
      fault(doc, ecsStructureErrors(doc, ['taskDefinition'], taskDef, TASK_DEFINITION_SHAPE, `task definition ${str(taskDef.family) ?? doc.path}`, false))
      model.images.push(...images(doc, ['taskDefinition'], taskDef, str(taskDef.family) ?? doc.path))
    } else if (doc.data.containerDefinitions !== undefined) {
      fault(doc, ecsStructureErrors(doc, [], doc.data, TASK_DEFINITION_SHAPE, `task definition ${str(doc.data.family) ?? doc.path}`, false))
      model.images.push(...images(doc, [], doc.data, str(doc.data.family) ?? doc.path))
    }
  }
  return model
}
