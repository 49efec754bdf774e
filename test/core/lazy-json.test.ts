import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprintOf } from '../../src/core/finding.js'
import { isList, LazyElementError, LazyList, listAt, parseLazyJson } from '../../src/core/lazy-json.js'

/** The document with every lazy list read out into a plain array: what JSON.parse would have given. */
function materialize(value: unknown): unknown {
  if (value instanceof LazyList) return Array.from({ length: value.length }, (_, i) => materialize(value.at(i)))
  if (Array.isArray(value)) return value.map(materialize)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: materialize((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true })
    return out
  }
  return value
}

function lazyOf(text: string): unknown {
  const doc = parseLazyJson(Buffer.from(text, 'utf8'))
  if (doc === undefined) throw new Error(`gave up on ${text.slice(0, 200)}`)
  return doc.root
}

/**
 * Reads `text` lazily to the end: 'read' when it gives exactly JSON.parse's value, 'refused' when the walk gave
 * up or a guessed element end failed its proof (gates then parses the text whole). Never a different value.
 */
function readOrRefuse(text: string): 'read' | 'refused' {
  const doc = parseLazyJson(Buffer.from(text))
  if (doc === undefined) return 'refused'
  try {
    for (const list of doc.lists) list.confirm()
  } catch (error) {
    expect(error).toBeInstanceOf(LazyElementError)
    return 'refused'
  }
  expect(materialize(doc.root)).toEqual(JSON.parse(text))
  return 'read'
}

/** The report layouts whose arrays are read lazily, around arbitrary JSON elements. */
const layouts: Array<(items: unknown[]) => unknown> = [
  items => items,
  items => ({ version: '1.0', results: items, errors: [] }),
  items => ({ SchemaVersion: 2, Results: [{ Target: 'a', Vulnerabilities: items }, { Target: 'b', Secrets: items, Licenses: [] }] }),
  items => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: items } }, results: items }, { results: [] }] })
]

describe('parseLazyJson', () => {
  it('reads arbitrary JSON in every report layout as JSON.parse does, or refuses (compact and indented)', () => {
    // Refused only where a guess goes wrong: an element nesting an object that starts with the element's own first key.
    let read = 0
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 12 }), fc.integer({ min: 0, max: layouts.length - 1 }), fc.boolean(), (items, layout, pretty) => {
        if (readOrRefuse(JSON.stringify(layouts[layout]?.(items), null, pretty ? 2 : undefined)) === 'read') read++
      }),
      { numRuns: 400 }
    )
    expect(read).toBeGreaterThan(380)
  })

  it('reads pretty-printed reports in any indentation and line ending exactly as JSON.parse does', () => {
    const objects = fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 5 }), { maxLength: 10 })
    fc.assert(
      fc.property(objects, fc.integer({ min: 0, max: layouts.length - 1 }), fc.constantFrom(1, 2, 4, '\t', ' \t'), fc.boolean(), (items, layout, indent, crlf) => {
        let text = JSON.stringify(layouts[layout]?.(items), null, indent)
        // A raw line break only ever sits between tokens: JSON.stringify escapes the ones inside strings.
        if (crlf) text = text.replaceAll('\n', '\r\n')
        expect(materialize(lazyOf(text))).toEqual(JSON.parse(text))
      }),
      { numRuns: 300 }
    )
  })

  it('never returns a wrong element when a writer indents oddly: it reads right or refuses', () => {
    const objects = fc.array(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 8 })
    let refused = 0
    let read = 0
    fc.assert(
      fc.property(objects, fc.integer({ min: 0, max: layouts.length - 1 }), fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 }), (items, layout, widths) => {
        // Re-indent every line with arbitrary widths: still valid JSON, but closing lines no longer tell the nesting.
        const lines = JSON.stringify(layouts[layout]?.(items), null, 2).split('\n')
        const text = lines.map((line, k) => ' '.repeat(widths[k % widths.length] ?? 0) + line.trimStart()).join('\n')
        if (readOrRefuse(text) === 'read') read++
        else refused++
      }),
      { numRuns: 400 }
    )
    // Both outcomes occur, so the property is not vacuous.
    expect(read).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })

  it('reads one-line reports whose elements nest objects and arrays starting with the same key: right or refused', () => {
    // Elements start with "id", and so do objects nested in them: `},{"id":` then also occurs inside an element.
    const inner = fc.record({ id: fc.jsonValue({ maxDepth: 1 }), x: fc.jsonValue({ maxDepth: 1 }) })
    const element = fc.record({
      id: fc.jsonValue({ maxDepth: 1 }),
      nested: fc.oneof(fc.constant(null), inner, fc.array(inner, { maxLength: 3 })),
      tail: fc.jsonValue({ maxDepth: 2 })
    })
    let read = 0
    fc.assert(
      fc.property(fc.array(element, { maxLength: 12 }), fc.integer({ min: 0, max: layouts.length - 1 }), (items, layout) => {
        if (readOrRefuse(JSON.stringify(layouts[layout]?.(items))) === 'read') read++
      }),
      { numRuns: 400 }
    )
    // Most are read (nested objects only sometimes come first with the same key), so the property is not vacuous.
    expect(read).toBeGreaterThan(100)
  })

  it('walks one-line elements that start with other keys, or hold a nested array, byte by byte', () => {
    const items = [{ a: 1, list: [{ b: 2 }] }, { b: 3 }, { a: '},{"a":' }, { a: 4, o: { a: 5 } }, { c: [{ a: 6 }, { a: 7 }] }]
    for (const layout of layouts) {
      const text = JSON.stringify(layout(items))
      expect(materialize(lazyOf(text))).toEqual(JSON.parse(text))
    }
  })

  it('proves a guessed element end before it trusts it, even when reads skip ahead', () => {
    // Objects nested in the first element close at the elements' indentation, and one of them one space
    // further in: the walk balances out but guesses three elements where JSON.parse sees two.
    const text = ['[', '  {', '    "a": [', '  {', '    "b": 1', '  },', '  {', '    "b": 2', '   }', '    ]', '  },', '  {', '    "d": 3', '  }', ']'].join('\n')
    expect(JSON.parse(text)).toHaveLength(2)
    const list = parseLazyJson(Buffer.from(text))?.root
    if (!(list instanceof LazyList)) throw new Error('the walk should have located (wrong) elements')
    expect(list.length).toBe(3)
    expect(() => list.at(1)).toThrow(LazyElementError)
    expect(() => list.confirm()).toThrow(LazyElementError)
  })

  it('reads a report whose writer closes elements at another indentation, without a search per element to the end', () => {
    // 40,000 elements whose closing brace sits one column left of their opening one: no closing line matches.
    // Were each element searched for to the end of the file (800 million "}" visited), this would time out.
    const items = Array.from({ length: 40000 }, (_, i) => ({ id: `CVE-${i}`, pkg: `p${i % 7}` }))
    const text = `{\n "results": [\n${items.map(item => `  {\n    "id": "${item.id}",\n    "pkg": "${item.pkg}"\n }`).join(',\n')}\n ]\n}\n`
    const doc = parseLazyJson(Buffer.from(text))
    const list = (doc?.root as { results: LazyList }).results
    expect(list.length).toBe(40000)
    expect([...list]).toEqual(items)
  })

  it('finds element ends through strings full of quotes, escapes, brackets and non-ASCII text', () => {
    const tricky = [
      'short',
      'a "quoted" word',
      'back\\slash at the end\\',
      'brackets ] } [ { and commas , inside a string that is longer than sixteen bytes',
      'escaped quote right at byte sixteen: 0123456789\\"',
      '\u0000 control \u001f and \u2028 line separator',
      'ünïcödé ✓ — 日本語 🙂 '.repeat(5),
      '\\\\\\"'.repeat(10)
    ]
    const items = tricky.map((text, i) => ({ id: i, text, nested: [{ text }, [text, { k: text }]] }))
    for (const layout of layouts) {
      const text = JSON.stringify(layout(items), null, 1)
      expect(materialize(lazyOf(text))).toEqual(JSON.parse(text))
    }
  })

  it('makes only the findings arrays lazy, at their places', () => {
    const root = lazyOf(JSON.stringify({ SchemaVersion: 2, Metadata: { list: [1, 2] }, Results: [{ Target: 't', Vulnerabilities: [{ a: 1 }], Packages: [{ p: 1 }] }] })) as {
      Metadata: { list: unknown }
      Results: Array<{ Vulnerabilities: unknown; Packages: unknown }>
    }
    expect(Array.isArray(root.Metadata.list)).toBe(true)
    expect(Array.isArray(root.Results)).toBe(true)
    expect(root.Results[0]?.Vulnerabilities).toBeInstanceOf(LazyList)
    expect(Array.isArray(root.Results[0]?.Packages)).toBe(true)
    const list = root.Results[0]?.Vulnerabilities
    expect(isList(list) && listAt(list, 0)).toEqual({ a: 1 })
  })

  it('lets the last duplicate key win, as JSON.parse does', () => {
    for (const text of ['{"results":[1,2],"results":[3]}', '{"results":[1,2],"results":null}', '{"results":5,"results":[7]}', '{"Results":[{"Secrets":[1]}],"Results":3}']) {
      expect(materialize(lazyOf(text))).toEqual(JSON.parse(text))
    }
  })

  it('gives up on what is not one complete JSON document of the expected layout', () => {
    for (const text of ['', '   ', '"text"', '42', 'null', '{"results":[1,2', '{"results":[1,2]', '[1,2] [3]', '{"a":1}}', '[{"a":"unterminated}]', '{"results" [1]}', '{results:[1]}', '[1 2]']) {
      expect(parseLazyJson(Buffer.from(text)), text).toBeUndefined()
    }
  })

  it('reports an element that is not valid JSON when it is read, not before', () => {
    const doc = parseLazyJson(Buffer.from('{"results":[{"ok":1},{"bad":tru},{"ok":2}]}'))
    const list = (doc?.root as { results: LazyList }).results
    expect(list.length).toBe(3)
    expect(() => list.at(1)).toThrow(LazyElementError)
  })

  it('refuses reads after close (the buffer behind it may hold the next report)', () => {
    const doc = parseLazyJson(Buffer.from('[{"a":1}]'))
    const list = doc?.root as LazyList
    expect(list.at(0)).toEqual({ a: 1 })
    list.close()
    expect(() => list.at(0)).toThrow(/after its report buffer was released/)
  })

  it('parses in runs but returns every element of a long list in order', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ i, pad: 'x'.repeat(i % 97) }))
    const list = lazyOf(JSON.stringify(items)) as LazyList
    expect(list.length).toBe(5000)
    expect([...list]).toEqual(items)
    expect(list.at(4999)).toEqual(items[4999])
    expect(list.at(3)).toEqual(items[3])
  })
})

describe('fingerprintOf', () => {
  it('is still the first 128 bits of sha256 in hex (baselines written by earlier versions keep matching)', () => {
    const parts = ['vulnerability', 'CVE-2024-1', 'openssl', 'é✓', undefined, 3]
    const text = parts.map(p => `${p ?? ''}\u0000`).join('')
    expect(fingerprintOf(...parts)).toBe(createHash('sha256').update(text).digest('hex').slice(0, 32))
  })
})
