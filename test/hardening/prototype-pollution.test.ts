/**
 * `__proto__`, `constructor` and `prototype` keys in reports, baselines,
 * config files and analysis expressions are inert (issue 8): nothing reaches
 * Object.prototype, and no parsed object inherits what the file tried to plant.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { ConfigError, InputFileError } from '../../src/core/errors.js'
import { loadBaseline } from '../../src/gates/baseline.js'
import { parseReport } from '../../src/gates/parse.js'
import { lintManifestTexts } from '../../src/container-lint/k8s/lint.js'
import { auditWorkflowText } from '../../src/oidc-guard/index.js'
import { trustsInStructured } from '../../src/oidc-guard/trust-policy/extract-structured.js'
import { parseStructured } from '../../src/oidc-guard/trust-policy/parse/structured.js'
import { Condition } from '../../src/rollback-verify/analyze/expr/evaluate.js'
import { ExpressionError } from '../../src/rollback-verify/analyze/expr/lexer.js'
import { runCliRetrying as runCli } from './cli-judge.js'

const repo = resolve(import.meta.dirname, '../..')
const PLANTS = ['__proto__', 'constructor', 'prototype'] as const
const PROTOTYPES: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype]
]
const snapshot = new Map(PROTOTYPES.map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort().join(',')]))

/** Fails when any global prototype gained or lost a property, or `{}` sees a planted value. */
function expectPrototypesIntact(): void {
  const probe: Record<string, unknown> = {}
  expect(probe.polluted).toBeUndefined()
  expect(probe.isAdmin).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined()
  for (const [name, proto] of PROTOTYPES) expect(Object.getOwnPropertyNames(proto).sort().join(','), name).toBe(snapshot.get(name))
}

/** Fails when a parsed object has a prototype other than Object's/null or exposes a planted key by inheritance. */
function expectPlainTree(value: unknown, where: string, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    expect(Object.getPrototypeOf(value), where).toBe(Array.prototype)
    value.forEach((v, i) => expectPlainTree(v, `${where}[${i}]`, depth + 1))
    return
  }
  const proto: unknown = Object.getPrototypeOf(value)
  expect(proto === Object.prototype || proto === null, `${where} has a planted prototype`).toBe(true)
  expect((value as Record<string, unknown>).polluted === undefined || Object.hasOwn(value, 'polluted'), `${where} inherits "polluted"`).toBe(true)
  for (const [k, v] of Object.entries(value)) expectPlainTree(v, `${where}.${k}`, depth + 1)
}

/** The planted payloads, as JSON text: a key whose value tries to reach a prototype. */
// A Map, not an object literal: `{ __proto__: … }` in a literal would set the literal's own prototype.
const PAYLOAD = new Map<(typeof PLANTS)[number], string>([
  ['__proto__', '{"polluted":"yes","isAdmin":true,"severity":"none"}'],
  ['constructor', '{"prototype":{"polluted":"yes"}}'],
  ['prototype', '{"polluted":"yes"}']
])

/** Adds the planted keys to every object of a JSON document (down to `maxDepth`), as raw JSON text. */
function plantEverywhere(doc: unknown, maxDepth = 5, depth = 0): string {
  if (Array.isArray(doc)) return `[${doc.map(item => plantEverywhere(item, maxDepth, depth + 1)).join(',')}]`
  if (doc !== null && typeof doc === 'object') {
    const own = Object.entries(doc).map(([k, v]) => `${JSON.stringify(k)}:${plantEverywhere(v, maxDepth, depth + 1)}`)
    const planted = depth <= maxDepth ? PLANTS.map(p => `"${p}":${PAYLOAD.get(p)!}`) : []
    return `{${[...planted, ...own].join(',')}}`
  }
  return JSON.stringify(doc)
}

function reportFixtures(): Array<{ name: string; text: string }> {
  const dirs = [resolve(repo, 'test/fixtures/reports'), resolve(repo, '../shared/fixtures/reports')]
  return dirs.flatMap(dir => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile() && /\.(json|sarif)$/.test(e.name))
        .map(e => ({ name: relative(dir, join(e.parentPath, e.name)), text: readFileSync(join(e.parentPath, e.name), 'utf8') }))
    } catch {
      return []
    }
  })
}

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dg-proto-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))
afterEach(() => expectPrototypesIntact())

describe('prototype pollution: reports and baselines', () => {
  const fixtures = reportFixtures()

  it('planted keys at every level of every report are inert in parseReport', () => {
    let parsed = 0
    for (const { name, text } of fixtures) {
      let doc: unknown
      try {
        doc = JSON.parse(text)
      } catch {
        continue
      }
      const planted = plantEverywhere(doc)
      try {
        const report = parseReport(planted, name)
        parsed++
        expectPlainTree(report.findings, name)
        // Planted keys must not change what the original says.
        expect(report.findings.map(f => f.severity)).toEqual(parseReport(text, name).findings.map(f => f.severity))
      } catch (error) {
        if (!(error instanceof InputFileError)) throw error
      }
      expectPrototypesIntact()
    }
    console.log(`prototype pollution: ${fixtures.length} report(s) planted, ${parsed} still parsed, prototypes intact`)
    expect(parsed).toBeGreaterThan(5)
  })

  it('planted keys in reports, a baseline and the config are inert through the CLI', async () => {
    const ws = join(root, 'cli')
    mkdirSync(join(ws, '.github'), { recursive: true })
    const trivy = fixtures.find(f => f.name.endsWith('image-two-packages.json')) ?? fixtures[0]!
    writeFileSync(join(ws, 'trivy.json'), plantEverywhere(JSON.parse(trivy.text)))
    writeFileSync(
      join(ws, 'baseline.json'),
      plantEverywhere({ command: 'gates', verdict: 'fail', findings: [{ fingerprint: 'abc', severity: 'high' }], errors: [] })
    )
    const run = await runCli(['gates', '--format', 'json', '-C', ws, '--baseline', 'baseline.json', '--new-only', 'trivy.json'])
    expect(run.stdout).not.toMatch(/internal error/)
    const doc = JSON.parse(run.stdout) as { verdict: string; findings: unknown[] }
    expectPlainTree(doc.findings, 'CLI findings')
    expect(['fail', 'error']).toContain(doc.verdict)
  })

  it('a baseline with planted keys yields only its real fingerprints', async () => {
    const ws = join(root, 'baseline')
    mkdirSync(ws, { recursive: true })
    writeFileSync(join(ws, 'b.json'), plantEverywhere({ command: 'gates', verdict: 'pass', findings: [{ fingerprint: 'f1' }, { fingerprint: 'f2' }], errors: [] }))
    const set = await loadBaseline('b.json', { workspace: ws })
    expect([...set].sort()).toEqual(['f1', 'f2'])
  })
})

describe('prototype pollution: config, YAML linters, trust policies', () => {
  const yamlPlants = ['__proto__: {polluted: yes, fail-on: none}', 'constructor: {prototype: {polluted: yes}}', 'prototype: {polluted: yes}']

  it.each(yamlPlants)('config with %s at the top level and in every section is refused or inert', plant => {
    const levels = [
      `${plant}\nversion: 1\n`,
      `policy:\n  ${plant}\n  fail-on: high\n`,
      `policy:\n  sources:\n    ${plant}\n`,
      `policy:\n  budgets:\n    ${plant}\n`,
      `suppressions:\n  - rule: X\n    reason: because\n    ${plant}\n`,
      `gates:\n  ${plant}\n`
    ]
    for (const text of levels) {
      try {
        const config = parseConfig(text, 'deploy-gates.yml')
        expectPlainTree(config.data, 'config')
        // Whatever the file planted, the policy is the file's own: fail-on stays high unless written as a real key.
        expect(config.policy().failOn).toBe('high')
        expect(Object.keys(config.policy().sources ?? {})).not.toContain('polluted')
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
      }
      expectPrototypesIntact()
    }
  })

  it('Kubernetes manifests and workflows with planted keys at every level are inert', () => {
    const manifest = `apiVersion: v1\nkind: Pod\n__proto__: {polluted: yes}\nmetadata:\n  name: x\n  __proto__: {polluted: yes}\n  constructor: {prototype: {polluted: yes}}\nspec:\n  __proto__: {hostNetwork: true, privileged: true}\n  containers:\n    - name: c\n      image: nginx:1.25\n      __proto__: {securityContext: {privileged: true}}\n      securityContext:\n        __proto__: {privileged: true}\n`
    const lint = lintManifestTexts([{ path: 'pod.yaml', text: manifest }], { isEnabled: () => true })
    expectPlainTree(lint.findings, 'k8s findings')
    // A planted privileged flag must not be seen as the container's own.
    expect(lint.findings.map(f => f.ruleId)).not.toContain('CL-K8S-001')
    expect(lint.findings.map(f => f.ruleId)).not.toContain('CL-K8S-009')
    const workflow = `on: push\n__proto__: {polluted: yes}\npermissions:\n  __proto__: {id-token: write}\njobs:\n  __proto__: {polluted: yes}\n  a:\n    constructor: {prototype: {polluted: yes}}\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        __proto__: {polluted: yes}\n`
    try {
      const audit = auditWorkflowText(workflow, '.github/workflows/ci.yml')
      expectPlainTree(audit.findings, 'workflow findings')
    } catch (error) {
      if (!(error instanceof Error && error.name === 'WorkflowSyntaxError')) throw error
    }
  })

  it('trust policies with planted keys are inert', () => {
    const policy = plantEverywhere({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main' } } }]
    })
    // Planted keys may be refused as wrong-typed fields (fail closed); either way nothing is polluted.
    try {
      expectPlainTree(trustsInStructured(parseStructured(policy, true), 'trust.json'), 'trusts')
    } catch (error) {
      if (!(error instanceof Error && error.constructor.name === 'StructuredParseError')) throw error
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const yaml = `__proto__: {polluted: yes}\nStatement:\n  - __proto__: {Effect: Allow}\n    Effect: Allow\n    Condition:\n      __proto__: {StringLike: {"token.actions.githubusercontent.com:sub": "*"}}\n`
    try {
      expectPlainTree(trustsInStructured(parseStructured(yaml, false), 'trust.yaml'), 'yaml trusts')
    } catch (error) {
      if (!(error instanceof Error && error.constructor.name === 'StructuredParseError')) throw error
    }
  })
})

describe('prototype pollution: analysis expressions', () => {
  it.each(['result.__proto__', 'result.constructor', 'result.prototype', 'result["__proto__"]', 'result.constructor.prototype', 'result.toString', 'result.hasOwnProperty'])(
    '%s never reaches a prototype',
    expression => {
      let value: unknown
      try {
        value = Condition.parse(`${expression} == nil`).evaluate({ a: 1 })
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error
        return // refused: fine
      }
      expect(value).toBe(true) // read as absent, never as Object.prototype or a function
    }
  )

  it('a measured result carrying planted keys cannot change an answer', () => {
    const result = JSON.parse('{"__proto__": {"ok": true}, "constructor": {"prototype": {"ok": true}}}') as unknown
    expect(Condition.parse('result.ok == nil').evaluate(result)).toBe(true)
  })
})
