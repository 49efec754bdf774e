import { list, map, scalar, shapeFaults, type Shape } from '../manifests/shape.js'
import { TEMPLATE_KINDS, WORKLOAD_KINDS, type K8sObject } from './types.js'

/**
 * The structure the RV-K8S / RV-AN rules read. A value of the wrong type
 * (`spec: broken`, `containers: {…}`) would read as absent and let the object
 * pass unchecked, so it is an input error instead.
 */
const METADATA = map({ name: scalar, namespace: scalar, labels: map(), annotations: map() })
const PROBE = map()
const CONTAINER = map({ name: scalar, image: scalar, readinessProbe: PROBE, livenessProbe: PROBE, startupProbe: PROBE })
const POD_SPEC = map({ containers: list(CONTAINER), initContainers: list(CONTAINER), volumes: list(map({ persistentVolumeClaim: map() })) })
const ANALYSIS = map({ templates: list(map({ templateName: scalar })), args: list(map()) })

const WORKLOAD = map({
  metadata: METADATA,
  spec: map({
    selector: map(),
    template: map({ metadata: METADATA, spec: POD_SPEC }),
    workloadRef: map(),
    strategy: map({
      rollingUpdate: map(),
      canary: map({ steps: list(map({ analysis: ANALYSIS, pause: map() })), analysis: ANALYSIS }),
      blueGreen: map({ prePromotionAnalysis: ANALYSIS, postPromotionAnalysis: ANALYSIS })
    }),
    updateStrategy: map({ rollingUpdate: map() }),
    volumeClaimTemplates: list(map({ metadata: METADATA, spec: map({ accessModes: list() }) }))
  })
})

const ANALYSIS_TEMPLATE = map({
  metadata: METADATA,
  spec: map({ args: list(map()), metrics: list(map({ name: scalar, provider: map(), successCondition: scalar, failureCondition: scalar })) })
})

const OTHER = map({ metadata: METADATA })

function shapeOf(kind: string): Shape {
  if (WORKLOAD_KINDS.includes(kind)) return WORKLOAD
  if (TEMPLATE_KINDS.includes(kind)) return ANALYSIS_TEMPLATE
  return OTHER
}

/** `line N: Deployment web: spec must be a mapping, found a string` for each wrong-typed value. */
export function structureErrors(o: K8sObject): string[] {
  return shapeFaults(o.data, shapeOf(o.kind), [])
    .map(f => ({ line: o.doc.lineOf([...o.base, ...f.at]), message: f.message }))
    .sort((a, b) => a.line - b.line)
    .map(f => `line ${f.line}: ${o.kind} ${o.name}: ${f.message}`)
}
