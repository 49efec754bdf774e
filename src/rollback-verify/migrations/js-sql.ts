/**
 * Raw SQL embedded in JavaScript migrations: node-pg-migrate `pgm.sql(...)`,
 * knex `knex.raw(...)` / `knex.schema.raw(...)`. Only plain string literals
 * are taken (a template literal with `${…}` is dynamic and skipped), each with
 * the line its text starts on so findings point into the .js file.
 */
export interface EmbeddedSql {
  sql: string
  startLine: number
}

const CALL = /\b(?:pgm\.sql|(?:knex|trx|db)(?:\.schema)?\.raw)\s*\(\s*(`|'|")/g

export function embeddedSql(text: string, from = 0, to = text.length): EmbeddedSql[] {
  const out: EmbeddedSql[] = []
  CALL.lastIndex = from
  for (let m = CALL.exec(text); m && m.index < to; m = CALL.exec(text)) {
    const quote = m[1] ?? '"'
    const start = m.index + m[0].length
    let i = start
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1
    const body = text.slice(start, i)
    CALL.lastIndex = i + 1
    if (quote === '`' && body.includes('${')) continue
    out.push({ sql: unescape(body, quote), startLine: text.slice(0, start).split('\n').length })
  }
  return out
}

function unescape(body: string, quote: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === quote || c === '\\' ? c : `\\${c}`))
}
