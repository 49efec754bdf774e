import { ReportShapeError } from './fields.js'

/**
 * One JSON.parse per report. On failure the message names line and column:
 * V8's own message does not always carry a position, so a small scanner
 * walks the text again (only on the error path) to find the first fault.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const fault = locateJsonError(text)
    const detail = error instanceof Error ? error.message : String(error)
    if (!fault) throw new ReportShapeError(`invalid JSON: ${detail}`)
    const { line, column } = lineAndColumn(text, fault.offset)
    throw new ReportShapeError(`invalid JSON at line ${line}, column ${column}: ${fault.problem}`)
  }
}

export interface JsonFault {
  offset: number
  problem: string
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const HEX4 = /[0-9a-fA-F]{4}/y

const enum Expect {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  Done
}

const TRUNCATED = 'unexpected end of input (is the file truncated?)'

/** The first syntax fault of `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonFault | undefined {
  const n = text.length
  const stack: string[] = []
  let expect = Expect.Value
  let i = 0
  const at = (offset: number, problem: string): JsonFault => ({ offset, problem })
  const shown = (c: string): string => (c.charCodeAt(0) < 0x20 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)

  while (true) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
    if (i >= n) return expect === Expect.Done ? undefined : at(n, TRUNCATED)
    const c = text[i] as string
    switch (expect) {
      case Expect.Done:
        return at(i, `unexpected '${shown(c)}' after the end of the JSON document`)
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (c === '}' && expect === Expect.KeyOrEnd) {
          stack.pop()
          i++
          expect = stack.length ? Expect.CommaOrEnd : Expect.Done
          break
        }
        if (c !== '"') return at(i, `expected a property name in double quotes, found '${shown(c)}'`)
        {
          const end = scanString(text, i)
          if (typeof end !== 'number') return end
          i = end
        }
        expect = Expect.Colon
        break
      case Expect.Colon:
        if (c !== ':') return at(i, `expected ':' after a property name, found '${shown(c)}'`)
        i++
        expect = Expect.Value
        break
      case Expect.CommaOrEnd: {
        const top = stack[stack.length - 1]
        if (c === ',') {
          i++
          expect = top === '{' ? Expect.Key : Expect.Value
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop()
          i++
          expect = stack.length ? Expect.CommaOrEnd : Expect.Done
        } else {
          return at(i, `expected ',' or '${top === '{' ? '}' : ']'}', found '${shown(c)}'`)
        }
        break
      }
      case Expect.Value:
      case Expect.ValueOrEnd: {
        if (c === ']' && expect === Expect.ValueOrEnd) {
          stack.pop()
          i++
          expect = stack.length ? Expect.CommaOrEnd : Expect.Done
          break
        }
        if (c === '{' || c === '[') {
          stack.push(c)
          i++
          expect = c === '{' ? Expect.KeyOrEnd : Expect.ValueOrEnd
          break
        }
        let end: number | JsonFault
        if (c === '"') end = scanString(text, i)
        else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i
          end = NUMBER.test(text) ? NUMBER.lastIndex : at(i, 'malformed number')
        } else if (text.startsWith('true', i)) end = i + 4
        else if (text.startsWith('false', i)) end = i + 5
        else if (text.startsWith('null', i)) end = i + 4
        else if ('true'.startsWith(text.slice(i, i + 4)) || 'false'.startsWith(text.slice(i, i + 5)) || 'null'.startsWith(text.slice(i, i + 4))) {
          end = text.length - i < 5 ? at(n, TRUNCATED) : at(i, `unexpected '${shown(c)}'`)
        } else end = at(i, `unexpected '${shown(c)}' where a value should start`)
        if (typeof end !== 'number') return end
        i = end
        expect = stack.length ? Expect.CommaOrEnd : Expect.Done
        break
      }
    }
  }
}

function scanString(text: string, start: number): number | JsonFault {
  const n = text.length
  let j = start + 1
  while (j < n) {
    const ch = text.charCodeAt(j)
    if (ch === 0x22) return j + 1
    if (ch === 0x5c) {
      const next = text[j + 1]
      if (next === undefined) break
      if (next === 'u') {
        HEX4.lastIndex = j + 2
        if (!HEX4.test(text)) return j + 6 > n ? { offset: n, problem: TRUNCATED } : { offset: j, problem: 'malformed \\u escape' }
        j += 6
        continue
      }
      if (!ESCAPES.has(next)) return { offset: j, problem: `invalid escape '\\${next}' in a string` }
      j += 2
      continue
    }
    if (ch < 0x20) return { offset: j, problem: 'unescaped control character (line break?) inside a string' }
    j++
  }
  return { offset: n, problem: `unterminated string (is the file truncated?)` }
}
