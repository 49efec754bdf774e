import { arr, at, bool, isObj, num, obj, str, type Obj } from '../common/node.js'
import type { LoadedDoc } from '../manifests/yaml.js'
import type { EcsImage, EcsModel, EcsService, Flag } from './model.js'

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
  const model: EcsModel = { services: [], images: [] }
  for (const doc of docs) {
    const resources = obj(doc.data.Resources)
    if (resources) {
      for (const [id, resource] of Object.entries(resources)) {
        const type = str(at(resource, 'Type'))
        const props = obj(at(resource, 'Properties')) ?? {}
        if (type === 'AWS::ECS::Service') model.services.push(service(doc, ['Resources', id, 'Properties'], props, id, 'cloudformation'))
        if (type === 'AWS::ECS::TaskDefinition') model.images.push(...images(doc, ['Resources', id, 'Properties'], props, id))
      }
      continue
    }
    const services = arr(doc.data.services)
    if (services.length > 0) {
      services.forEach((s, i) => isObj(s) && model.services.push(service(doc, ['services', i], s, str(s.serviceName) ?? `#${i}`, 'json')))
      continue
    }
    if (doc.data.serviceName !== undefined || doc.data.deploymentConfiguration !== undefined) {
      model.services.push(service(doc, [], doc.data, str(doc.data.serviceName) ?? doc.path, 'json'))
    }
    const taskDef = obj(doc.data.taskDefinition)
    if (taskDef) model.images.push(...images(doc, ['taskDefinition'], taskDef, str(taskDef.family) ?? doc.path))
    else if (doc.data.containerDefinitions !== undefined) model.images.push(...images(doc, [], doc.data, str(doc.data.family) ?? doc.path))
  }
  return model
}
