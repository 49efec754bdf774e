import { describe, expect, it } from 'vitest'
import { Condition } from '../../../src/rollback-verify/analyze/expr/evaluate.js'
import { ExpressionError, MAX_EXPRESSION_LENGTH } from '../../../src/rollback-verify/analyze/expr/lexer.js'

const check = (source: string, result: unknown): boolean => Condition.parse(source).evaluate(result)
const fails = (source: string, result: unknown): string => {
  try {
    Condition.parse(source).evaluate(result)
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError)
    return (error as Error).message
  }
  throw new Error(`expected "${source}" to fail`)
}

describe('condition evaluator: Argo examples', () => {
  it('indexes a vector result', () => {
    expect(check('result[0] >= 0.99', [0.995])).toBe(true)
    expect(check('result[0] >= 0.99', [0.5])).toBe(false)
  })

  it('short-circuits a len() guard so an empty vector is not an error', () => {
    expect(check('len(result) > 0 && result[0] < 5', [])).toBe(false)
    expect(check('len(result) == 0 || result[0] < 5', [])).toBe(true)
    expect(check('len(result) > 0 && result[0] < 5', [4])).toBe(true)
  })

  it('errors (not false) when an empty vector is indexed — Argo makes that an Error measurement', () => {
    expect(fails('result[0] >= 0.99', [])).toMatch(/index out of range/)
  })

  it('treats NaN like Go: comparisons are false, isNaN detects it', () => {
    expect(check('result[0] >= 0.99', [NaN])).toBe(false)
    expect(check('result[0] < 0.99', [NaN])).toBe(false)
    expect(check('isNaN(result)', NaN)).toBe(true)
    expect(check('isNaN(result[0])', [1])).toBe(false)
    expect(check('!isNaN(result[0]) && result[0] >= 0.99', [NaN])).toBe(false)
    expect(check('isInf(result)', Infinity)).toBe(true)
    expect(check('isInf(result[0])', [-Infinity])).toBe(true)
  })

  it('rejects isNaN on a vector, as Go typing does', () => {
    expect(fails('isNaN(result)', [1])).toMatch(/needs a number/)
  })

  it('scalar results compare directly', () => {
    expect(check('result > 10', 11)).toBe(true)
    expect(check('result <= 10', 11)).toBe(false)
  })

  it('supports all/any/none/one/filter/count/map predicates with # and closures', () => {
    expect(check('all(result, {# > 0.9})', [0.95, 0.99])).toBe(true)
    expect(check('all(result, {# > 0.9})', [0.95, 0.5])).toBe(false)
    expect(check('all(result, # > 0.9)', [0.95])).toBe(true)
    expect(check('any(result, {# < 0.5})', [0.95, 0.4])).toBe(true)
    expect(check('none(result, {# < 0.5})', [0.95, 0.4])).toBe(false)
    expect(check('one(result, {# < 0.5})', [0.95, 0.4])).toBe(true)
    expect(check('len(filter(result, {# > 1})) == 2', [1, 2, 3])).toBe(true)
    expect(check('count(result, {# > 1}) == 2', [1, 2, 3])).toBe(true)
    expect(check('sum(map(result, {# * 2})) == 12', [1, 2, 3])).toBe(true)
    expect(check('all(result, {all(result, {# > 0})})', [1, 2])).toBe(true)
  })

  it('has Argo helpers asInt, asFloat, default, isNil', () => {
    expect(check('asInt(result) == 3', 3.9)).toBe(true)
    expect(check('asInt(result) == 42', '42')).toBe(true)
    expect(check('asFloat(result) > 0.5', '0.75')).toBe(true)
    expect(check('isNaN(asFloat(result))', 'NaN')).toBe(true)
    expect(check('default(result, 0) == 0', null)).toBe(true)
    expect(check('default(result, 0) == 7', 7)).toBe(true)
    expect(check('isNil(result)', null)).toBe(true)
    expect(check('isNil(result)', [])).toBe(false)
    expect(fails('asInt(result) > 1', 'abc')).toMatch(/asInt/)
    expect(fails('asFloat(result) > 1', '1.2.3')).toMatch(/asFloat/)
  })

  it('has arithmetic, precedence, ternary, ?? and in', () => {
    expect(check('1 + 2 * 3 == 7', null)).toBe(true)
    expect(check('(1 + 2) * 3 == 9', null)).toBe(true)
    expect(check('2 ** 3 ** 2 == 512', null)).toBe(true)
    expect(check('-2 ** 2 == -4', null)).toBe(true)
    expect(check('10 % 4 == 2 and not false', null)).toBe(true)
    expect(check('result[0] / result[1] >= 0.99', [98, 100])).toBe(false)
    expect(check('(result > 1 ? "big" : "small") == "big"', 5)).toBe(true)
    expect(check('(result ?? 4) == 4', null)).toBe(true)
    expect(check('2 in result && 9 not in result', [1, 2])).toBe(true)
    expect(check('result[-1] == 3', [1, 2, 3])).toBe(true)
    expect(check('1_000 == 1000 && .5 == 0.5 && 1e3 == 1000', null)).toBe(true)
  })

  it('reads fields of JSON results', () => {
    const body = { status: 'ok', checks: [{ name: 'db', ok: true }], rate: 0.999 }
    expect(check('result.status == "ok" && result.rate >= 0.99', body)).toBe(true)
    expect(check("result['status'] == 'ok'", body)).toBe(true)
    expect(check('all(result.checks, {.ok})', body)).toBe(true)
    expect(check('result.missing == nil', body)).toBe(true)
    expect(check('result?.x?.y == nil', null)).toBe(true)
  })

  it('demands a boolean outcome and boolean operands', () => {
    expect(fails('result[0]', [1])).toMatch(/expected bool/)
    expect(fails('result && true', 1)).toMatch(/expected bool/)
    expect(fails('!result', 1)).toMatch(/!/)
    expect(fails('"a" < 1', null)).toMatch(/invalid operation/)
    expect(fails('1 % 0 == 0', null)).toMatch(/divide by zero/)
  })
})

describe('condition evaluator: safety', () => {
  const injections = [
    'result.constructor',
    'result.__proto__',
    "result['__proto__']",
    "result['constructor']['constructor']('return process')()",
    'result.constructor.constructor("return process")()',
    'len.constructor',
    'process.exit(1)',
    'globalThis',
    'this',
    'require("fs")',
    'eval("1")',
    'Function("return 1")()',
    'import("fs")',
    'result.toString()',
    'result.hasOwnProperty("a")',
    '`x`',
    'result; process.exit(1)',
    'result = 1',
    '(() => 1)()'
  ]

  for (const source of injections) {
    it(`refuses ${source}`, () => {
      let caught: unknown
      try {
        Condition.parse(source).evaluate({ a: 1 })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(ExpressionError)
    })
  }

  it('does not expose prototype properties of arrays or JSON objects', () => {
    expect(fails('result.length == 1', [1])).toMatch(/cannot read field/)
    expect(fails('result.__proto__ == nil', JSON.parse('{"__proto__": {"x": 1}}'))).toMatch(/not allowed/)
    expect(check('result.toString == nil', { a: 1 })).toBe(true)
  })

  it('rejects over-long and over-nested expressions', () => {
    expect(() => Condition.parse('1 == 1 && '.repeat(200) + 'true')).toThrow(/longer than/)
    expect(() => Condition.parse(`${'('.repeat(40)}true${')'.repeat(40)}`)).toThrow(/nests deeper/)
    expect(() => Condition.parse(`${'!'.repeat(60)}true`)).toThrow(/nests deeper/)
    expect(MAX_EXPRESSION_LENGTH).toBeGreaterThan(100)
  })

  it('bounds evaluation work of nested predicates', () => {
    const big = Array.from({ length: 500 }, (_, i) => i)
    expect(fails('all(result, {all(result, {# >= 0})})', big)).toMatch(/exceeded/)
  })

  it('rejects unknown names, unknown functions, wrong arity and a stray # before any measurement', () => {
    expect(() => Condition.parse('results[0] > 1')).toThrow(/unknown name "results"/)
    expect(() => Condition.parse('avg(result) > 1')).toThrow(/unknown function "avg"/)
    expect(() => Condition.parse('len(result, 2) > 1')).toThrow(/takes 1 argument/)
    expect(() => Condition.parse('# > 1')).toThrow(/only allowed inside a predicate/)
    expect(() => Condition.parse('{true}')).toThrow(/predicate/)
    expect(() => Condition.parse('all(result, {any(#, {# > 0})})')).not.toThrow()
  })

  it('reports syntax errors with a position', () => {
    expect(() => Condition.parse('result[0] >=')).toThrow(/end of expression/)
    expect(() => Condition.parse('result[0] >= 0.99 )')).toThrow(/position 18/)
    expect(() => Condition.parse('unknown(1)').evaluate(1)).toThrow(/unknown function/)
    expect(() => Condition.parse('"abc')).toThrow(/unterminated/)
    expect(() => Condition.parse('   ')).toThrow(/empty/)
  })
})
