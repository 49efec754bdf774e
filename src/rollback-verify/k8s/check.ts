import type { RunContext } from '../../core/context.js'
import type { Finding } from '../../core/finding.js'
import type { InputError } from '../../core/result.js'
import { makeFinding } from '../common/finding.js'
import { applyIgnores, scanIgnores } from '../common/ignore.js'
import { effectiveRule, type RollbackVerifyConfig } from '../config.js'
import { loadManifestFiles, type ManifestFile } from './load.js'
import { K8S_RULES } from './rules/index.js'
import { strategyOf, strategyTable } from './strategy.js'
import { TEMPLATE_KINDS, type K8sContext, type K8sObject } from './types.js'
import { templateKey } from './metrics.js'

export interface K8sCheckResult {
  findings: Finding[]
  errors: InputError[]
  notices: string[]
  inputs: string[]
  section?: { title: string; markdown: string }
  /** Files that held manifests (ECS reuses the parsed documents). */
  files: ManifestFile[]
}

/** RV-K8S-* and RV-AN-* over the Kubernetes objects in `paths` (YAML/JSON files). */
export async function checkKubernetes(ctx: RunContext, paths: string[], config: RollbackVerifyConfig): Promise<K8sCheckResult> {
  const loaded = await loadManifestFiles(ctx, paths)
  const templates = new Map<string, K8sObject>()
  loaded.objects.filter(o => TEMPLATE_KINDS.includes(o.kind)).forEach(o => templates.set(templateKey(o), o))
  const k8s: K8sContext = { objects: loaded.objects, config, templates }
  const rules = K8S_RULES.map(r => effectiveRule(r, config)).filter(r => r !== undefined)
  const raw = rules.flatMap(rule =>
    rule.check(k8s).map(h =>
      makeFinding(h.severity && !config.severity?.[rule.id] ? { ...rule, severity: h.severity } : rule, {
        path: h.object.doc.path,
        line: h.object.doc.lineOf([...h.object.base, ...h.at]),
        message: h.message,
        key: `${h.object.kind}/${h.object.namespace ?? ''}/${h.object.name}\u0000${h.key ?? ''}`,
        properties: { kind: h.object.kind, name: h.object.name, ...(strategyOf(h.object) && { strategy: strategyOf(h.object) ?? '' }) }
      })
    )
  )
  const findings: Finding[] = []
  const notices = [...loaded.notices]
  for (const file of loaded.files) {
    const scan = scanIgnores(file.text, file.path)
    notices.push(...scan.notices)
    findings.push(...applyIgnores(raw.filter(f => f.path === file.path), file.text, scan))
  }
  const inputs = [...new Set(loaded.objects.map(o => o.doc.path))]
  const table = strategyTable(loaded.objects)
  return {
    findings,
    errors: loaded.errors,
    notices,
    inputs,
    files: loaded.files,
    ...(table && { section: { title: 'Deployment strategies', markdown: table } })
  }
}
