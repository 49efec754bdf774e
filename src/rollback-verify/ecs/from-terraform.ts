import { parse } from '@cdktf/hcl2json'
import { arr, bool, isObj, num, obj, str } from '../common/node.js'
import type { EcsImage, EcsModel, EcsService, Flag } from './model.js'

function flag(value: unknown): Flag {
  if (value === undefined) return undefined
  const b = bool(value)
  return b === undefined ? 'unknown' : b
}

/** 1-based line of a resource header. */
function resourceLine(lines: string[], type: string, name: string): number {
  const header = new RegExp(`^\\s*resource\\s+"${type}"\\s+"${name.replace(/[^\w-]/g, '')}"`)
  const index = lines.findIndex(line => header.test(line))
  return index === -1 ? 1 : index + 1
}

/** 1-based line of the first match of `pattern` inside the resource starting at line `from` (else `from`). */
function findLine(lines: string[], from: number, pattern: RegExp): number {
  for (let i = from - 1; i < lines.length; i++) {
    if (pattern.test(lines[i] ?? '')) return i + 1
    if (i > from - 1 && /^resource\s+"/.test(lines[i] ?? '')) break
  }
  return from
}

/** Images in a container_definitions value: a JSON heredoc/string or a jsonencode(...) expression. */
function imagesIn(value: string): Array<{ name: string; image: string }> {
  const trimmed = value.trim()
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      return arr(parsed).flatMap(c => (isObj(c) && str(c.image) ? [{ name: str(c.name) ?? '?', image: str(c.image) ?? '' }] : []))
    } catch {
      // not JSON: fall through to the expression scan
    }
  }
  const out: Array<{ name: string; image: string }> = []
  const re = /\bimage"?\s*[=:]\s*"([^"$]+)"/g
  for (let m = re.exec(value); m; m = re.exec(value)) out.push({ name: '?', image: m[1] ?? '' })
  return out
}

/** aws_ecs_service and aws_ecs_task_definition resources of one .tf file (hcl2json gives no positions: lines are searched). */
export async function ecsFromTerraform(path: string, text: string): Promise<EcsModel> {
  const json = obj(await parse(path, text))
  const lines = text.split('\n')
  const model: EcsModel = { services: [], images: [] }
  const resources = obj(json?.resource)
  for (const [name, blocks] of Object.entries(obj(resources?.aws_ecs_service) ?? {})) {
    const r = obj(arr(blocks)[0]) ?? {}
    const start = resourceLine(lines, 'aws_ecs_service', name)
    const cb = obj(arr(r.deployment_circuit_breaker)[0])
    const alarms = obj(arr(r.alarms)[0])
    const service: EcsService = {
      path,
      name,
      format: 'terraform',
      controller: str(obj(arr(r.deployment_controller)[0])?.type) ?? 'ECS',
      ...(cb && { circuitBreaker: { enable: flag(cb.enable), rollback: flag(cb.rollback) } }),
      ...(alarms && { alarms: { enable: flag(alarms.enable), rollback: flag(alarms.rollback), names: arr(alarms.alarm_names).length } }),
      ...(num(r.deployment_minimum_healthy_percent) !== undefined && { minimumHealthyPercent: num(r.deployment_minimum_healthy_percent) }),
      lineOf(field) {
        const patterns: Record<string, RegExp> = {
          circuitBreaker: /^\s*deployment_circuit_breaker\b/,
          rollback: /^\s*rollback\s*=/,
          alarms: /^\s*alarms\s*\{/,
          minimumHealthyPercent: /^\s*deployment_minimum_healthy_percent\b/,
          controller: /^\s*deployment_controller\b/
        }
        const pattern = patterns[field]
        return pattern ? findLine(lines, start, pattern) : start
      }
    }
    model.services.push(service)
  }
  for (const [name, blocks] of Object.entries(obj(resources?.aws_ecs_task_definition) ?? {})) {
    const r = obj(arr(blocks)[0]) ?? {}
    const defs = str(r.container_definitions)
    if (!defs) continue
    const start = resourceLine(lines, 'aws_ecs_task_definition', name)
    for (const c of imagesIn(defs)) {
      const image: EcsImage = { path, taskDefinition: name, container: c.name, image: c.image, line: findLine(lines, start, new RegExp(c.image.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))) }
      model.images.push(image)
    }
  }
  return model
}
