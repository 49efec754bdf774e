import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml'
import type { Obj } from '../common/node.js'
import { isObj } from '../common/node.js'

/** One YAML (or JSON) document with a way back to the line of any value in it. */
export interface LoadedDoc {
  path: string
  index: number
  data: Obj
  /** 1-based line of the node at `keys` (falls back to the nearest existing parent). */
  lineOf(keys: Array<string | number>): number
  /** Whether the node at `keys` carries an explicit tag (CloudFormation `!If`, `!Ref`…). */
  isTagged(keys: Array<string | number>): boolean
}

export interface LoadOutcome {
  docs: LoadedDoc[]
  /** First syntax error, with its line. */
  error?: { line: number; message: string }
}

/**
 * Parses every document of a YAML stream with `yaml` (it keeps going past a
 * broken document and reports per-document errors, unlike js-yaml). Unknown
 * tags such as CloudFormation's !Ref only produce warnings and keep the value.
 */
export function loadYamlDocs(text: string, path: string): LoadOutcome {
  const lines = new LineCounter()
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' })
  const list: Document.Parsed[] = Array.isArray(documents) ? documents : []
  const docs: LoadedDoc[] = []
  let error: LoadOutcome['error']
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      const first = doc.errors[0]
      if (first && !error) error = { line: lines.linePos(first.pos[0]).line, message: first.message.split('\n')[0] ?? 'invalid YAML' }
      return
    }
    let data: unknown
    try {
      data = doc.toJS({ maxAliasCount: 100 })
    } catch (e) {
      error ??= { line: 1, message: (e as Error).message }
      return
    }
    if (!isObj(data)) return
    docs.push({
      path,
      index,
      data,
      lineOf(keys) {
        // The key's line (not its value's): a block value starts on the next line, and the key is where an ignore comment goes.
        for (let depth = keys.length; depth > 0; depth--) {
          const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, depth - 1), true)
          const last = keys[depth - 1]
          if (isMap(parent)) {
            const pair = parent.items.find(p => isScalar(p.key) && p.key.value === last)
            const range = pair && isScalar(pair.key) ? pair.key.range : undefined
            if (range) return lines.linePos(range[0]).line
          } else if (isSeq(parent) && typeof last === 'number') {
            const item = parent.items[last] as { range?: [number, number, number] } | undefined
            if (item?.range) return lines.linePos(item.range[0]).line
          }
        }
        const root = doc.contents as { range?: [number, number, number] } | null
        return root?.range ? lines.linePos(root.range[0]).line : 1
      },
      isTagged(keys) {
        const node = (keys.length === 0 ? doc.contents : doc.getIn(keys, true)) as { tag?: unknown } | null | undefined
        return typeof node?.tag === 'string' && node.tag.startsWith('!')
      }
    })
  })
  return error ? { docs, error } : { docs }
}

/** JSON: same shape as YAML (JSON is YAML 1.2), so positions come for free. */
export const loadJsonDocs = loadYamlDocs
