import { arr, at, num, obj, str, type Obj } from '../common/node.js'
import { templateRefs } from './analysis-refs.js'
import { TEMPLATE_KINDS, type K8sContext, type K8sObject } from './types.js'

/** Providers that return a value the conditions judge (everything except job, which judges by exit code). */
export function valueProvider(metric: Obj): string | undefined {
  const provider = obj(metric.provider)
  const name = provider ? Object.keys(provider)[0] : undefined
  return name && name !== 'job' ? name : undefined
}

export interface MetricRef {
  object: K8sObject
  metric: Obj
  name: string
  path: Array<string | number>
}

export function templateMetrics(ctx: K8sContext): MetricRef[] {
  return ctx.objects
    .filter(o => TEMPLATE_KINDS.includes(o.kind))
    .flatMap(o =>
      arr(at(o.data, 'spec', 'metrics')).flatMap((m, i) => {
        const metric = obj(m)
        return metric ? [{ object: o, metric, name: str(metric.name) ?? `#${i}`, path: ['spec', 'metrics', i] }] : []
      })
    )
}

/** Template keys (`name` / `cluster/name`) referenced from inline canary steps. */
export function stepTemplates(ctx: K8sContext): Set<string> {
  const keys = new Set<string>()
  for (const o of ctx.objects.filter(x => x.kind === 'Rollout')) {
    for (const ref of templateRefs(o)) if (ref.use === 'step') keys.add(ref.clusterScope ? `cluster/${ref.name}` : ref.name)
  }
  return keys
}

export function templateKey(o: K8sObject): string {
  return o.kind === 'ClusterAnalysisTemplate' ? `cluster/${o.name}` : o.name
}

/** Numeric fields; intstr values with {{args}} are unknown (undefined). */
export function limits(metric: Obj): { count?: number; interval?: string; failureLimit?: number; inconclusiveLimit?: number; consecutiveSuccessLimit?: number } {
  const pick = (k: string): number | undefined => num(metric[k])
  const out: ReturnType<typeof limits> = {}
  const count = pick('count')
  if (count !== undefined) out.count = count
  const interval = str(metric.interval)
  if (interval) out.interval = interval
  const failureLimit = pick('failureLimit')
  if (failureLimit !== undefined) out.failureLimit = failureLimit
  const inconclusiveLimit = pick('inconclusiveLimit')
  if (inconclusiveLimit !== undefined) out.inconclusiveLimit = inconclusiveLimit
  const consecutiveSuccessLimit = pick('consecutiveSuccessLimit')
  if (consecutiveSuccessLimit !== undefined) out.consecutiveSuccessLimit = consecutiveSuccessLimit
  return out
}

export interface Comparison {
  lhs: string
  op: string
  value: number
}

/** Simple `result[0] >= 0.99` style comparisons in an expression. */
export function comparisons(expr: string): Comparison[] {
  const out: Comparison[] = []
  const re = /((?:as(?:Float|Int)\()?result(?:\[\d+\])?\)?)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)/g
  for (let m = re.exec(expr); m; m = re.exec(expr)) out.push({ lhs: (m[1] ?? '').replace(/\s/g, ''), op: m[2] ?? '', value: Number(m[3]) })
  return out
}

const COMPLEMENT: Record<string, string> = { '>=': '<', '<': '>=', '>': '<=', '<=': '>', '==': '!=', '!=': '==' }

/** True when the failure condition is exactly the negation of the success condition. */
export function complementary(success: string, failure: string): boolean {
  const s = comparisons(success)
  const f = comparisons(failure)
  if (s.length !== 1 || f.length !== 1) return false
  const [a, b] = [s[0], f[0]]
  return a !== undefined && b !== undefined && a.lhs === b.lhs && a.value === b.value && COMPLEMENT[a.op] === b.op
}
