import type { RunContext } from '../../core/context.js'
import { errorMessage, InputFileError } from '../../core/errors.js'
import type { InputError } from '../../core/result.js'
import { readTextInput } from '../../core/files.js'
import { arr, obj, str } from '../common/node.js'
import { loadYamlDocs, type LoadedDoc } from '../manifests/yaml.js'
import { at } from '../common/node.js'
import { structureErrors } from './shapes.js'
import type { K8sObject } from './types.js'

export interface ManifestFile {
  path: string
  text: string
  docs: LoadedDoc[]
}

export interface LoadedManifests {
  files: ManifestFile[]
  objects: K8sObject[]
  errors: InputError[]
  notices: string[]
}

/** Helm/kustomize templating that is not YAML until rendered. */
const TEMPLATING = /\{\{[^}]*\}\}/

/**
 * Reads YAML/JSON files and keeps the Kubernetes objects in them. A file that
 * looks like a manifest (apiVersion + kind, or CloudFormation) but does not
 * parse is an input error; unrelated YAML is ignored.
 */
export async function loadManifestFiles(ctx: RunContext, paths: string[]): Promise<LoadedManifests> {
  const result: LoadedManifests = { files: [], objects: [], errors: [], notices: [] }
  for (const path of paths) {
    let text: string
    try {
      text = await readTextInput(path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside })
    } catch (error) {
      result.errors.push({ path, message: error instanceof InputFileError ? error.reason : errorMessage(error) })
      continue
    }
    const relevant =
      /^\s*(apiVersion|kind|AWSTemplateFormatVersion|Resources)\s*:/m.test(text) ||
      /"(apiVersion|AWSTemplateFormatVersion|Resources|containerDefinitions|deploymentConfiguration|serviceName|taskDefinition)"\s*:/.test(text)
    if (!relevant) continue
    if (TEMPLATING.test(text) && /(^|\/)templates\//.test(path)) {
      result.notices.push(`${path}: Helm template skipped (render it with helm template and scan the output)`)
      continue
    }
    const outcome = loadYamlDocs(text, path)
    if (outcome.error) result.errors.push({ path, message: `line ${outcome.error.line}: ${outcome.error.message}` })
    result.files.push({ path, text, docs: outcome.docs })
    for (const doc of outcome.docs) {
      // kubectl get -o yaml writes a kind: List; its items are objects of their own.
      const isList = str(doc.data.kind) === 'List'
      if (isList && doc.data.items !== undefined && doc.data.items !== null && !Array.isArray(doc.data.items)) {
        result.errors.push({ path, message: `line ${doc.lineOf(['items'])}: List: items must be a list of objects` })
      }
      const items = isList ? arr(doc.data.items).map((item, i) => [item, ['items', i]] as const) : [[doc.data, []] as const]
      for (const [item, base] of items) {
        const data = obj(item)
        const kind = str(data?.kind)
        const apiVersion = str(data?.apiVersion)
        if (!data || !kind || !apiVersion) continue
        const namespace = str(at(data, 'metadata', 'namespace'))
        const object: K8sObject = { doc, data, base: [...base], kind, apiVersion, name: str(at(data, 'metadata', 'name')) ?? '(unnamed)', ...(namespace && { namespace }) }
        // Kept for the rules (they read what is well-typed), but the file is in error: a wrong type must never pass silently.
        result.errors.push(...structureErrors(object).map(message => ({ path, message })))
        result.objects.push(object)
      }
    }
  }
  return result
}
