/**
 * Facts about a JavaScript/TypeScript migration (knex, node-pg-migrate)
 * read from its text. We do not execute user code; regular expressions over
 * the export forms the tools document are enough for the structure rules.
 */
export interface JsMigrationFacts {
  upLine?: number
  downLine?: number
  /** `exports.down = false` / `export const down = false` (node-pg-migrate's "irreversible"). */
  downDisabled: boolean
  /** down body does nothing: `{}` or only `return`/`Promise.resolve()`. */
  downEmpty: boolean
  /** down throws (explicitly irreversible). */
  downThrows: boolean
  noTransaction: boolean
  usesPgm: boolean
  usesKnex: boolean
}

const EXPORT_FORMS = (name: string): RegExp[] => [
  new RegExp(`\\bexports\\.${name}\\s*=`),
  new RegExp(`\\bmodule\\.exports\\.${name}\\s*=`),
  new RegExp(`\\bexport\\s+(?:async\\s+)?function\\s*\\*?\\s*${name}\\b`),
  new RegExp(`\\bexport\\s+(?:const|let|var)\\s+${name}\\b`),
  // module.exports = { up, down } / { up: …, down: … } / { async down() {…} }
  new RegExp(`\\bmodule\\.exports\\s*=\\s*\\{[\\s\\S]*?\\b(?:async\\s+)?${name}\\b\\s*[:,(}]`)
]

function lineOfFirst(text: string, patterns: RegExp[]): number | undefined {
  let best: number | undefined
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match && (best === undefined || match.index < best)) best = match.index
  }
  return best === undefined ? undefined : text.slice(0, best).split('\n').length
}

/** The text of the down function's body (from its first `{` to the matching `}`), if found. */
function downBody(text: string, downLine: number | undefined): string | undefined {
  if (downLine === undefined) return undefined
  const start = text.split('\n').slice(0, downLine - 1).join('\n').length
  const rest = text.slice(start)
  const arrowOrFn = /=>\s*|function[^(]*\([^)]*\)\s*|down\s*\([^)]*\)\s*/.exec(rest)
  if (!arrowOrFn) return undefined
  let i = arrowOrFn.index + arrowOrFn[0].length
  if (rest[i] !== '{') {
    // Expression-bodied arrow: up to the end of the statement.
    const end = rest.indexOf('\n', i)
    return rest.slice(i, end === -1 ? undefined : end)
  }
  let depth = 0
  for (; i < rest.length; i++) {
    if (rest[i] === '{') depth++
    else if (rest[i] === '}' && --depth === 0) return rest.slice(rest.indexOf('{', arrowOrFn.index) + 1, i)
  }
  return undefined
}

export function readJsMigration(text: string): JsMigrationFacts {
  const upLine = lineOfFirst(text, EXPORT_FORMS('up'))
  const downLine = lineOfFirst(text, EXPORT_FORMS('down'))
  const downDisabled = /\b(?:exports\.down|export\s+(?:const|let|var)\s+down)\s*=\s*false\b/.test(text)
  const body = downDisabled ? undefined : downBody(text, downLine)
  const stripped = body
    ?.replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\breturn\b|Promise\.resolve\(\s*\)|[;\s]/g, '')
  return {
    upLine,
    downLine,
    downDisabled,
    downEmpty: stripped !== undefined && (stripped === '' || stripped === 'null' || stripped === 'undefined'),
    downThrows: body !== undefined && /\bthrow\b/.test(body),
    noTransaction: /\bpgm\.noTransaction\s*\(/.test(text) || /\btransaction\s*:\s*false\b/.test(text),
    usesPgm: /\bpgm\b/.test(text) || /MigrationBuilder/.test(text),
    usesKnex: /\bknex\b|\bKnex\b/.test(text)
  }
}

export function looksLikeJsMigration(text: string): boolean {
  return EXPORT_FORMS('up').some(p => p.test(text))
}
