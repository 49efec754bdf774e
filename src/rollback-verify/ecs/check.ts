import type { RunContext } from '../../core/context.js'
import { errorMessage, InputFileError } from '../../core/errors.js'
import { readTextInput } from '../../core/files.js'
import type { Finding } from '../../core/finding.js'
import type { InputError } from '../../core/result.js'
import { makeFinding } from '../common/finding.js'
import { applyIgnores, scanIgnores } from '../common/ignore.js'
import { effectiveRule, type RollbackVerifyConfig } from '../config.js'
import type { ManifestFile } from '../k8s/load.js'
import { ecsFromDocs } from './from-json.js'
import { ecsFromTerraform } from './from-terraform.js'
import type { EcsModel } from './model.js'
import { ECS_RULES } from './rules/index.js'

export interface EcsCheckResult {
  findings: Finding[]
  errors: InputError[]
  notices: string[]
  inputs: string[]
}

/**
 * RV-ECS-* over ECS definitions: the YAML/JSON files already parsed for the
 * Kubernetes check (CloudFormation, aws ecs JSON) plus Terraform `.tf` files.
 */
export async function checkEcs(ctx: RunContext, manifestFiles: ManifestFile[], tfPaths: string[], config: RollbackVerifyConfig): Promise<EcsCheckResult> {
  const result: EcsCheckResult = { findings: [], errors: [], notices: [], inputs: [] }
  const texts = new Map<string, string>()
  const models: EcsModel[] = []
  for (const file of manifestFiles) {
    const model = ecsFromDocs(file.docs)
    result.errors.push(...(model.errors ?? []))
    if (model.services.length + model.images.length === 0) continue
    models.push(model)
    texts.set(file.path, file.text)
  }
  for (const path of tfPaths) {
    let text: string
    try {
      text = await readTextInput(path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside })
    } catch (error) {
      result.errors.push({ path, message: error instanceof InputFileError ? error.reason : errorMessage(error) })
      continue
    }
    if (!/resource\s+"aws_ecs_(service|task_definition)"/.test(text)) continue
    try {
      models.push(await ecsFromTerraform(path, text))
      texts.set(path, text)
    } catch (error) {
      result.errors.push({ path, message: `not valid HCL: ${errorMessage(error).replace(/^parse config: /, '')}` })
    }
  }
  const model: EcsModel = { services: models.flatMap(m => m.services), images: models.flatMap(m => m.images) }
  const rules = ECS_RULES.map(r => effectiveRule(r, config)).filter(r => r !== undefined)
  const raw = rules.flatMap(rule => rule.check(model).map(h => makeFinding(rule, h)))
  for (const [path, text] of texts) {
    const scan = scanIgnores(text, path)
    result.notices.push(...scan.notices)
    result.findings.push(...applyIgnores(raw.filter(f => f.path === path), text, scan))
  }
  result.inputs.push(...texts.keys())
  return result
}
