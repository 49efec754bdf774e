import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineAndColumn, locateJsonError, parseJsonText } from '../../../src/gates/parsers/json-text.js'

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['null', ' 1 ', '-0.5e+3', '"a\\u00e9\\n"', '[]', '{}', '{"a": [true, false, null, {"b": "c"}]}']) {
      expect(locateJsonError(text)).toBeUndefined()
    }
  })

  it('finds the first fault', () => {
    expect(locateJsonError('{"a": }')).toEqual({ offset: 6, problem: "unexpected '}' where a value should start" })
    expect(locateJsonError('{"a" 1}')).toEqual({ offset: 5, problem: "expected ':' after a property name, found '1'" })
    expect(locateJsonError('[1 2]')).toEqual({ offset: 3, problem: "expected ',' or ']', found '2'" })
    expect(locateJsonError('"a\nb"')?.problem).toMatch(/unescaped control character/)
    expect(locateJsonError('"\\x"')?.problem).toMatch(/invalid escape/)
    expect(locateJsonError('[tru')).toEqual({ offset: 4, problem: 'unexpected end of input (is the file truncated?)' })
    expect(locateJsonError('[nope]')?.offset).toBe(1)
    expect(locateJsonError('01')?.problem).toMatch(/after the end of the JSON document/)
  })

  it('agrees with JSON.parse on every prefix of valid documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), (value, cutAt) => {
        const text = JSON.stringify(value, null, 1)
        const prefix = text.slice(0, cutAt % (text.length + 1))
        let valid = true
        try {
          JSON.parse(prefix)
        } catch {
          valid = false
        }
        expect(locateJsonError(prefix) === undefined).toBe(valid)
      }),
      { numRuns: 300 }
    )
  })

  it('line and column are 1-based', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })

  it('parseJsonText returns the document or a positioned error', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ a: 1 })
    expect(() => parseJsonText('{\n"a": tru')).toThrow(/invalid JSON at line 2, column 9: unexpected end of input/)
  })
})
