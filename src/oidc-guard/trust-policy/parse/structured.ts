import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Tags } from 'yaml'
import type { Locate } from '../model.js'

/** A JSON or YAML file as plain values plus the line of every key and list item. */
export interface StructuredFile {
  value: unknown
  locate: Locate
}

export class StructuredParseError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

// CloudFormation short-form intrinsics; without these YAML templates would not resolve cleanly.
const CFN_FUNCTIONS = [
  'Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition',
  'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Transform', 'ToJsonString', 'Length'
]

const CFN_TAGS: Tags = CFN_FUNCTIONS.flatMap(name => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const }
])

function intrinsic(tag: string, value: unknown): unknown {
  const name = tag.slice(1)
  if (name === 'Ref') return { Ref: value }
  if (name === 'Condition') return { Condition: value }
  return { [`Fn::${name}`]: value }
}

/**
 * Parses JSON (strictly, via JSON.parse first) or YAML with positions. Throws
 * StructuredParseError with the line of the first syntax error.
 */
export function parseStructured(text: string, asJson: boolean): StructuredFile {
  let strict: unknown
  if (asJson) {
    try {
      strict = JSON.parse(text)
    } catch (error) {
      throw new StructuredParseError(`invalid JSON: ${(error as Error).message}`, jsonErrorLine(text, (error as Error).message))
    }
  }
  const counter = new LineCounter()
  // Duplicate keys are an error: which one IAM honours is not something to guess in a security audit.
  const parsed = parseAllDocuments(text, { lineCounter: counter, customTags: CFN_TAGS, uniqueKeys: true, prettyErrors: false })
  const docs = Array.isArray(parsed) ? parsed : [parsed]
  const first = docs.flatMap(d => d.errors)[0]
  if (first) {
    if (asJson && first.code !== 'DUPLICATE_KEY') {
      // Valid JSON the YAML reader trips over (exotic escapes/nesting): judge it without line numbers.
      return { value: strict, locate: () => undefined }
    }
    throw new StructuredParseError(`invalid ${asJson ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`, counter.linePos(first.pos[0]).line)
  }
  const lines = new WeakMap<object, Map<string | number, number>>()
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number | undefined =>
    node?.range ? counter.linePos(node.range[0]).line : undefined
  let budget = 200_000 // alias bombs and absurd documents stop here

  let current: Document | undefined
  const convert = (node: unknown): unknown => {
    if (--budget < 0) throw new StructuredParseError('document too large or too deeply aliased', 1)
    if (node === null || node === undefined) return null
    if (isAlias(node)) return current ? convert(node.resolve(current)) : null
    if (isScalar(node)) {
      return node.tag && node.tag.startsWith('!') && node.tag !== '!Sub' ? intrinsic(node.tag, node.value) : node.value
    }
    if (isSeq(node)) {
      const out: unknown[] = []
      const map = new Map<string | number, number>()
      node.items.forEach((item, index) => {
        out.push(convert(item))
        const line = lineOf(item as YamlNode)
        if (line) map.set(index, line)
      })
      lines.set(out, map)
      if (node.tag === '!Sub') return out[0] // !Sub [template, vars]: the template is what matters here
      return node.tag && node.tag.startsWith('!') ? intrinsic(node.tag, out) : out
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {}
      const map = new Map<string | number, number>()
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const keyNode = pair.key
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
        out[key] = convert(pair.value)
        const line = lineOf(keyNode as YamlNode) ?? lineOf(pair.value as YamlNode)
        if (line) map.set(key, line)
      }
      lines.set(out, map)
      return node.tag && node.tag.startsWith('!') ? intrinsic(node.tag, out) : out
    }
    return null
  }
  // Multi-document YAML (--- separated) becomes a list of documents.
  const values = docs.map(d => {
    current = d
    return convert(d.contents)
  })
  const value = values.length === 1 ? values[0] : values
  return { value, locate: (container, key) => lines.get(container)?.get(key) }
}

function jsonErrorLine(text: string, message: string): number {
  const lineCol = /line (\d+) column \d+/.exec(message)
  if (lineCol) return Number(lineCol[1])
  const position = /position (\d+)/.exec(message)
  if (position) return text.slice(0, Number(position[1])).split('\n').length
  return text.split('\n').length // "Unexpected end of JSON input": the fault is at the end
}

/**
 * The string a CloudFormation value stands for: literals as is, intrinsics as
 * `${…}` placeholders (Sub keeps its template), so issuer and subject text
 * survive for matching.
 */
export function cfnString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  if ('Ref' in record) return `\${${String(record.Ref)}}`
  if ('Fn::Sub' in record) {
    const sub = record['Fn::Sub']
    return typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined
  }
  if ('Fn::GetAtt' in record) {
    const att = record['Fn::GetAtt']
    return `\${${Array.isArray(att) ? att.map(String).join('.') : String(att)}}`
  }
  if ('Fn::Join' in record) {
    const join = record['Fn::Join']
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map(part => cfnString(part) ?? '${?}').join(join[0])
    }
  }
  if ('Fn::ImportValue' in record) return `\${ImportValue}`
  return undefined
}
