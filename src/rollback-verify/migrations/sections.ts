/**
 * Splits single-file migrations into their up and down parts: dbmate's
 * `-- migrate:up` / `-- migrate:down` and node-pg-migrate's SQL format
 * `-- Up Migration` / `-- Down Migration`. Each section keeps the 1-based line
 * where its SQL starts so findings can point into the original file.
 */
export interface Section {
  sql: string
  startLine: number
  /** Directive options written after the marker, e.g. `transaction:false`. */
  options: string
}

export interface SplitSections {
  up?: Section
  down?: Section
  /** Extra markers beyond the first pair (dbmate reads only the first of each). */
  extraMarkers: number[]
}

export function splitSections(text: string, upMarker: RegExp, downMarker: RegExp): SplitSections {
  const lines = text.split('\n')
  const markers: Array<{ kind: 'up' | 'down'; line: number; options: string }> = []
  lines.forEach((line, index) => {
    const up = upMarker.exec(line)
    if (up) markers.push({ kind: 'up', line: index + 1, options: (up[1] ?? '').trim() })
    const down = downMarker.exec(line)
    if (down) markers.push({ kind: 'down', line: index + 1, options: (down[1] ?? '').trim() })
  })
  const result: SplitSections = { extraMarkers: [] }
  markers.forEach((marker, i) => {
    if (result[marker.kind]) {
      result.extraMarkers.push(marker.line)
      return
    }
    const endLine = markers[i + 1]?.line ?? lines.length + 1 // exclusive, 1-based
    const sql = lines.slice(marker.line, endLine - 1).join('\n')
    result[marker.kind] = { sql, startLine: marker.line + 1, options: marker.options }
  })
  return result
}

export const DBMATE_UP = /^--\s*migrate:up\b(.*)$/
export const DBMATE_DOWN = /^--\s*migrate:down\b(.*)$/
export const PGM_UP = /^--\s*Up Migration\b(.*)$/i
export const PGM_DOWN = /^--\s*Down Migration\b(.*)$/i

/** True when the text holds nothing but white space and SQL comments. */
export function isBlankSql(sql: string): boolean {
  return (
    sql
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/--[^\n]*/g, '')
      .replace(/;/g, '')
      .trim() === ''
  )
}
