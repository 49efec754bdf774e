import type { Schema } from 'ajv'

const BEGIN = '<!-- BEGIN_AUTOGEN_CONFIG (generated from the schemas; do not edit by hand) -->'
const END = '<!-- END_AUTOGEN_CONFIG -->'

interface JsonSchema {
  type?: string | string[]
  enum?: readonly unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: readonly JsonSchema[]
  required?: readonly string[]
  minimum?: number
  maximum?: number
  pattern?: string
  propertyNames?: JsonSchema
}

function describe(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``
  if (s.enum) return s.enum.map(v => `\`${String(v)}\``).join(', ')
  // anyOf next to properties only says which keys are required together.
  if (s.anyOf && !s.properties) return s.anyOf.map(describe).join(' or ')
  if (s.type === 'array') return `list of ${s.items ? describe(s.items) : 'values'}`
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object') {
    const keys = s.propertyNames?.pattern ? `keys matching \`${s.propertyNames.pattern}\`` : 'any key'
    return `map (${keys}) of ${describe(s.additionalProperties)}`
  }
  const type = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any')
  const bounds = [s.minimum !== undefined && `≥ ${s.minimum}`, s.maximum !== undefined && `≤ ${s.maximum}`].filter(Boolean).join(', ')
  return bounds ? `${type} (${bounds})` : type
}

function rows(schema: JsonSchema, prefix: string, out: string[]): void {
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${key}`
    const required = schema.required?.includes(key) ? ' (required)' : ''
    out.push(`| \`${path}\` | ${describe(value).replace(/\|/g, '\\|')}${required} |`)
    if (value.properties) rows(value, `${path}.`, out)
    if (value.type === 'array' && value.items?.properties) rows(value.items, `${path}[].`, out)
  }
}

/** Markdown tables of every key the config file accepts, section by section. */
export function renderConfigReference(sections: Array<{ title: string; prefix: string; schema: Schema }>): string {
  const out: string[] = [BEGIN]
  for (const { title, prefix, schema } of sections) {
    out.push('', `### ${title}`, '', '| key | value |', '|---|---|')
    rows(schema as JsonSchema, prefix, out)
  }
  out.push('', END)
  return out.join('\n')
}

export function updateConfigDoc(existing: string, generated: string): string {
  const start = existing.indexOf(BEGIN)
  const end = existing.indexOf(END)
  if (start >= 0 && end > start) return `${existing.slice(0, start)}${generated}${existing.slice(end + END.length)}`
  return `${existing.trimEnd()}\n\n${generated}\n`
}
