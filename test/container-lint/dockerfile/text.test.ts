import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapse, dropFirstWord, splitWords } from '../../../src/container-lint/dockerfile/model.js'
import { isPlainChar } from '../../../src/container-lint/dockerfile/shell.js'

// Hand-written fast paths must agree with the simple definitions they replace.
const blanks = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028']
const textWith = (extra: string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...blanks, ...extra), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join(''))

describe('collapse (fingerprint identity text)', () => {
  it('equals replace(/\\s+/g, " ").trim() on any text, Unicode spaces included', () => {
    fc.assert(fc.property(textWith(['a', 'RUN', '"x y"']), (s) => collapse(s) === s.replace(/\s+/g, ' ').trim()), { numRuns: 500 })
  })

  it('collapses runs and trims', () => {
    expect(collapse('  RUN  apt-get\tupdate \\\n   && x  ')).toBe('RUN apt-get update \\ && x')
    expect(collapse('RUN\u00a0a')).toBe('RUN a')
    expect(collapse(' \n\t')).toBe('')
  })
})

/** The quote-aware reading, for text without quotes or escapes: plain blank-separated words. */
const plainWords = (s: string) => s.split(/[ \t\r\n]+/).filter((w) => w !== '')

describe('splitWords fast path', () => {
  it('text without quotes or the escape character splits on space, tab, CR and LF only', () => {
    const plain = textWith(['a', 'b=c', '$X', '\u00a0']).filter((s) => !/["'\\]/.test(s))
    fc.assert(fc.property(plain, (s) => JSON.stringify(splitWords(s)) === JSON.stringify(plainWords(s))), { numRuns: 500 })
  })

  it('with escape ` a backslash is an ordinary character, a backtick still escapes', () => {
    expect(splitWords('C:\\app  D:\\x', '`')).toEqual(['C:\\app', 'D:\\x'])
    expect(splitWords('a` b c', '`')).toEqual(['a b', 'c'])
  })

  it('quotes and escapes still group words', () => {
    expect(splitWords(`a "b c" 'd e' f\\ g`)).toEqual(['a', 'b c', 'd e', 'f g'])
    expect(splitWords('x\u00a0y z')).toEqual(['x\u00a0y', 'z'])
  })
})

describe('dropFirstWord (keyword off the logical line)', () => {
  it("equals replace(/^\\s*\\S+/, '') on any text", () => {
    fc.assert(fc.property(textWith(['RUN', 'x', '\\']), (s) => dropFirstWord(s) === s.replace(/^\s*\S+/, '')), { numRuns: 500 })
  })

  it('keeps the separator and everything after the keyword', () => {
    expect(dropFirstWord('  RUN  echo a')).toBe('  echo a')
    expect(dropFirstWord('RUN')).toBe('')
    expect(dropFirstWord(' \t')).toBe(' \t')
  })
})

describe('isPlainChar (shell word fast path)', () => {
  it('matches the character class [^\\s\\\\\'"`$#|&;()<>] on every UTF-16 code unit', () => {
    const plain = /[^\s\\'"`$#|&;()<>]/
    const wrong: number[] = []
    for (let c = 0; c <= 0xffff; c++) if (isPlainChar(c) !== plain.test(String.fromCharCode(c))) wrong.push(c)
    expect(wrong).toEqual([])
  })
})
