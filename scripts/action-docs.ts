import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionMeta {
  name: string
  description: string
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>
  outputs?: Record<string, { description?: string }>
}

const BEGIN = '<!-- BEGIN_AUTOGEN_REFERENCE (generated from action.yml; do not edit by hand) -->'
const END = '<!-- END_AUTOGEN_REFERENCE -->'

function cell(text: unknown): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim()
}

/** The inputs and outputs tables of one action.yml, as markdown. */
export function renderReference(actionYmlPath: string): string {
  const meta = parse(readFileSync(actionYmlPath, 'utf8')) as ActionMeta
  const lines = ['## Inputs', '', '| input | required | default | description |', '|---|---|---|---|']
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    const def = input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``
    lines.push(`| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${def} | ${cell(input.description)} |`)
  }
  lines.push('', '## Outputs', '', '| output | description |', '|---|---|')
  for (const [name, output] of Object.entries(meta.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(output.description)} |`)
  return [BEGIN, ...lines, END].join('\n')
}

/** Replaces the generated region of a doc page (or appends it). */
export function updateDoc(existing: string, actionYmlPath: string): string {
  const generated = renderReference(actionYmlPath)
  const start = existing.indexOf(BEGIN)
  const end = existing.indexOf(END)
  if (start >= 0 && end > start) return `${existing.slice(0, start)}${generated}${existing.slice(end + END.length)}`
  return `${existing.trimEnd()}\n\n${generated}\n`
}
