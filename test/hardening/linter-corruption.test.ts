/**
 * Fail-closed corpus for the linters (issue 8): valid Dockerfiles, Kubernetes
 * YAML, workflows, trust policies, ECS definitions and SQL migrations, broken
 * (emptied, made binary, cut where the syntax breaks, syntax damage, wrong
 * types, re-encoded, swapped for a directory, a symlink outside, a 200 MB
 * file) and run through the CLI. A broken input must give `error` or a
 * parse-kind finding (X-000, RV-MIG-014) naming the file; never a silent pass.
 */
import { closeSync, cpSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { loadModule, parseSync } from 'libpg-query'
import { isMap, parseAllDocuments, parseDocument } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { truncationOffsets } from '../support/corrupt.js'
import { judge, Tally, type JsonResult } from './cli-judge.js'

const repo = resolve(import.meta.dirname, '../..')
const fixtures = resolve(repo, 'test/fixtures')

type Kind = 'dockerfile' | 'yaml' | 'json' | 'sql' | 'terraform'

interface LinterSource {
  /** CLI words before the options, e.g. ['oidc-guard', 'trust-policies']. */
  command: string[]
  /** Fixture file, relative to test/fixtures. */
  fixture: string
  /** Where it lives in the workspace (workflows must sit in .github/workflows). */
  relPath: string
  kind: Kind
  /** For migrations: the directory copied whole, passed as --migrations. */
  migrationsDir?: string
}

const PARSE_RULE = /-000$|^RV-MIG-014$/

function src(command: string[], fixture: string, kind: Kind, relPath = fixture.split('/').slice(-2).join('/')): LinterSource {
  return { command, fixture, relPath, kind }
}

const SOURCES: LinterSource[] = [
  src(['container-lint'], 'container-lint/app/Dockerfile', 'dockerfile'),
  src(['container-lint'], 'container-lint/app/Dockerfile.prod', 'dockerfile'),
  src(['container-lint'], 'container-lint/k8s/deploy.yaml', 'yaml'),
  src(['container-lint'], 'container-lint/k8s/netpol.yaml', 'yaml'),
  src(['container-lint'], 'container-lint/k8s/list.json', 'json'),
  src(['container-lint'], 'container-lint/rendered/all.yaml', 'yaml'),
  ...['aws-static-keys.yml', 'aws-oidc-good.yml', 'publish-tokens.yml', 'write-all.yml', 'prt-checkout-exec.yml'].map(f =>
    src(['oidc-guard', 'audit'], `oidc-guard/${f}`, 'yaml', `.github/workflows/${f}`)
  ),
  src(['oidc-guard', 'audit'], 'oidc-guard/composite-action.yml', 'yaml', 'deploy/action.yml'),
  ...['tp001-no-sub.json', 'tp002-any-repo.json', 'good-immutable.json', 'tp006-equals-wildcard.json'].map(f =>
    src(['oidc-guard', 'trust-policies'], `oidc-guard/trust-policy/aws/${f}`, 'json', `iam/${f}`)
  ),
  src(['oidc-guard', 'trust-policies'], 'oidc-guard/trust-policy/azure/flexible-org.json', 'json', 'azure/flexible-org.json'),
  src(['oidc-guard', 'trust-policies'], 'oidc-guard/trust-policy/cfn/org-wide-admin.yaml', 'yaml', 'cfn/org-wide-admin.yaml'),
  src(['oidc-guard', 'trust-policies'], 'oidc-guard/trust-policy/tf/heredoc.tf', 'terraform', 'infra/heredoc.tf'),
  src(['oidc-guard', 'trust-policies'], 'oidc-guard/trust-policy/tf/jsonencode.tf', 'terraform', 'infra/jsonencode.tf'),
  src(['rollback-verify', 'check'], 'rollback-verify/k8s/good.yaml', 'yaml', 'deploy/good.yaml'),
  src(['rollback-verify', 'check'], 'rollback-verify/k8s/bad.yaml', 'yaml', 'deploy/bad.yaml'),
  src(['rollback-verify', 'check'], 'rollback-verify/ecs/taskdef.json', 'json', 'ecs/taskdef.json'),
  src(['rollback-verify', 'check'], 'rollback-verify/ecs/service.json', 'json', 'ecs/service.json'),
  ...['000002_add_name.up.sql', '000002_add_name.down.sql', '000003_index_name.up.sql'].map(f => ({
    command: ['rollback-verify', 'check'],
    fixture: `rollback-verify/migrations/golang-migrate/${f}`,
    relPath: `db/migrations/${f}`,
    kind: 'sql' as const,
    migrationsDir: 'rollback-verify/migrations/golang-migrate'
  }))
]

/**
 * Inputs that expose a bug in code this suite may not edit: counted as
 * "known bug" and listed, instead of weakening the rule for everybody.
 */
const KNOWN_BUGS: Array<[RegExp, string]> = [
]

function knownBug(id: string): string | undefined {
  return KNOWN_BUGS.find(([pattern]) => pattern.test(id))?.[1]
}

type Expect = 'broken' | 'same'

interface LinterVariant {
  category: string
  id: string
  bytes: Buffer
  expect: Expect
}

function stillParses(kind: Kind, text: string): boolean {
  try {
    if (kind === 'json') {
      JSON.parse(text)
      return true
    }
    if (kind === 'yaml') return parseAllDocuments(text).every(d => 'errors' in d && d.errors.length === 0)
    if (kind === 'sql') {
      parseSync(text)
      return true
    }
  } catch {
    return false
  }
  return true // Dockerfile, Terraform: a cut is not detectably broken here
}

/**
 * Keys whose value must be a mapping or a list for the input to mean anything
 * (a string there is invalid for Kubernetes, GitHub Actions, IAM, Azure, ECS).
 * Keys that may legitimately be strings (`on: push`, `permissions: read-all`)
 * or that the linter does not read (CloudFormation Parameters) are left out.
 */
const STRUCTURAL_KEYS = new Set(['spec', 'metadata', 'jobs', 'runs', 'Statement', 'Resources', 'audiences', 'claimsMatchingExpression', 'containerDefinitions', 'deploymentConfiguration', 'items'])

const DAMAGE: Record<Kind, string> = {
  dockerfile: '\nRUN ["unterminated\nFROM\n',
  yaml: '\nbroken: [unclosed, {\n',
  json: '\n}}\n',
  sql: '\nALTER TABLE ;\n',
  terraform: '\nresource "aws_iam_role" "broken" {\n  name = "x\n'
}

function variantsOf(source: LinterSource, bytes: Buffer): LinterVariant[] {
  const text = bytes.toString('utf8')
  const out: LinterVariant[] = []
  const add = (category: string, what: string, b: Buffer, expect: Expect = 'broken'): void => {
    out.push({ category, id: `${source.command.join(' ')} ${source.fixture} ${category}: ${what}`, bytes: b, expect })
  }
  add('empty/binary', 'empty', Buffer.alloc(0))
  add('empty/binary', 'blank', Buffer.from('\n \n'))
  add('empty/binary', 'NUL bytes', Buffer.concat([bytes.subarray(0, 20), Buffer.alloc(16), bytes.subarray(20)]))
  for (const offset of truncationOffsets(bytes.length)) {
    const cut = text.slice(0, offset)
    if (cut.trimEnd() === text.trimEnd() || stillParses(source.kind, cut)) continue
    add('truncated', `first ${offset} of ${bytes.length} bytes`, Buffer.from(cut))
  }
  add('syntax-damage', 'broken syntax appended', Buffer.from(text + DAMAGE[source.kind]))
  if (source.kind === 'yaml' || source.kind === 'json') {
    const docs = source.kind === 'json' ? [parseDocument(text)] : parseAllDocuments(text)
    const first = Array.isArray(docs) ? docs[0] : undefined
    const contents = first && 'contents' in first ? first.contents : undefined
    if (first && 'contents' in first && isMap(contents)) {
      const keys = contents.items
        .filter(pair => {
          const value = pair.value as { items?: unknown[] } | null
          return value !== null && typeof value === 'object' && Array.isArray(value.items) && value.items.length > 0
        })
        .map(pair => String((pair.key as { value?: unknown }).value))

      for (const key of keys.filter(k => STRUCTURAL_KEYS.has(k))) {
        const json = (source.kind === 'json' ? JSON.parse(text) : first.toJS()) as Record<string, unknown>
        const damaged = { ...json, [key]: 'corrupted' }
        const rest = source.kind === 'yaml' ? (docs as ReturnType<typeof parseAllDocuments>).slice(1).map(d => JSON.stringify(d.toJS(), null, 2)) : []
        const body = source.kind === 'json' ? JSON.stringify(damaged, null, 2) : [JSON.stringify(damaged, null, 2), ...rest].join('\n---\n')
        add('wrong-type', `${key} replaced by a string`, Buffer.from(`${body}\n`))
      }
    }
  }
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  const be = Buffer.from(le)
  be.swap16()
  add('encoding', 'UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'same')
  add('encoding', 'UTF-16 LE with BOM', le, 'same')
  add('encoding', 'UTF-16 BE with BOM', be, 'same')
  return out
}

let root: string
let counter = 0
const tally = new Tally()
const violations: string[] = []
const known: string[] = []
const knownIds: string[] = []

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dg-lint-corpus-'))
  await loadModule()
})

afterAll(() => {
  tally.print('linter corruption corpus')
  if (known.length) console.log(`known bugs (excluded, see KNOWN_BUGS):\n  ${known.join('\n  ')}`)
  const unused = KNOWN_BUGS.filter(([pattern]) => !knownIds.some(id => pattern.test(id)))
  if (unused.length) console.warn(`KNOWN_BUGS entries no variant needed any more (fixed? remove them): ${unused.map(([p]) => p.source).join(' | ')}`)
  rmSync(root, { recursive: true, force: true })
})

/** A fresh workspace with the source's file (and, for migrations, its sibling files). */
function workspaceFor(source: LinterSource): string {
  const ws = join(root, `w${++counter}`)
  if (source.migrationsDir) cpSync(join(fixtures, source.migrationsDir), join(ws, dirname(source.relPath)), { recursive: true })
  else mkdirSync(join(ws, dirname(source.relPath)), { recursive: true })
  return ws
}

function cliArgs(source: LinterSource, ws: string): string[] {
  const target = source.migrationsDir ? ['--migrations', dirname(source.relPath)] : [source.relPath]
  return [...source.command, '--format', 'json', '--fail-on', 'low', '-C', ws, ...target]
}

async function runOn(source: LinterSource, ws: string): Promise<{ result?: JsonResult; problems: string[] }> {
  return judge(ws, cliArgs(source, ws), [source.relPath], source.relPath)
}

function namesFileWithParseFinding(result: JsonResult | undefined, relPath: string): boolean {
  const findings = (result?.findings ?? []) as Array<{ ruleId?: string; path?: string }>
  return findings.some(f => typeof f.ruleId === 'string' && PARSE_RULE.test(f.ruleId) && f.path === relPath)
}

function namesFile(result: JsonResult | undefined, relPath: string): boolean {
  return ((result?.findings ?? []) as Array<{ path?: string }>).some(f => f.path === relPath)
}

function record(id: string, category: string, verdict: string | undefined, problems: string[]): void {
  const bug = knownBug(id)
  if (problems.length > 0 && bug) {
    known.push(`${id}: ${bug}`)
    knownIds.push(id)
    tally.add(category, verdict, 'known')
    return
  }
  if (problems.length > 0) violations.push(`${id}: ${problems.join('; ')}`)
  tally.add(category, verdict, verdict === 'pass' && problems.length > 0 ? 'silent' : verdict === 'pass' ? 'tolerated' : 'ok')
}

describe('linters: fail-closed corruption corpus', () => {
  it('no broken Dockerfile, manifest, workflow, trust policy or migration passes silently', async () => {
    // Fixtures of other areas may move while their authors work: a missing one is skipped visibly.
    const present = SOURCES.filter(source => existsSync(join(fixtures, source.fixture)))
    const missing = SOURCES.filter(source => !present.includes(source))
    if (missing.length) console.warn(`linter corpus: fixture(s) SKIPPED, not found: ${missing.map(s => s.fixture).join(', ')}`)
    expect(present.length).toBeGreaterThan(SOURCES.length / 2)
    for (const source of present) {
      const bytes = readFileSync(join(fixtures, source.fixture))
      const ws = workspaceFor(source)
      writeFileSync(join(ws, source.relPath), bytes)
      const base = await runOn(source, ws)
      expect(base.problems, `${source.fixture} (original)`).toEqual([])
      const baseResult = base.result!
      for (const variant of variantsOf(source, bytes)) {
        const vws = workspaceFor(source)
        writeFileSync(join(vws, source.relPath), variant.bytes)
        const run = await runOn(source, vws)
        const verdict = run.result?.verdict
        const problems = [...run.problems]
        // An emptied migration is judged by the migration rules (RV-MIG-002 "empty down"), not by a parse rule.
        const emptied = source.kind === 'sql' && /: (empty|blank)$/.test(variant.id)
        const named = namesFileWithParseFinding(run.result, source.relPath) || (emptied && namesFile(run.result, source.relPath))
        if (variant.expect === 'broken' && verdict !== 'error' && !named) {
          const naming = ((run.result?.findings ?? []) as Array<{ ruleId?: string; path?: string }>).filter(f => f.path === source.relPath).map(f => f.ruleId)
          problems.push(`verdict ${verdict} without an error or a parse finding (X-000) naming ${source.relPath} (its findings: ${[...new Set(naming)].join(', ') || 'none'})`)
        }
        if (variant.expect === 'same' && (verdict !== baseResult.verdict || JSON.stringify(run.result?.counts) !== JSON.stringify(baseResult.counts))) {
          problems.push(`verdict ${verdict} ${JSON.stringify(run.result?.counts)}, expected the original's ${baseResult.verdict} ${JSON.stringify(baseResult.counts)}`)
        }
        record(variant.id, variant.category, verdict, problems)
      }
    }
    expect(violations, violations.join('\n')).toEqual([])
  }, 240_000)

  const commands: Array<[string[], LinterSource]> = [
    [['container-lint'], SOURCES[2]!],
    [['oidc-guard', 'audit'], SOURCES[6]!],
    [['oidc-guard', 'trust-policies'], SOURCES.find(s => s.relPath === 'iam/tp001-no-sub.json')!],
    [['rollback-verify', 'check'], SOURCES.find(s => s.relPath === 'deploy/bad.yaml')!]
  ]

  it.each(commands)('%s: a directory where a file is named is an error, not an empty pass', async (_command, source) => {
    const ws = workspaceFor({ ...source, migrationsDir: undefined })
    mkdirSync(join(ws, source.relPath), { recursive: true })
    const run = await judge(ws, cliArgs(source, ws), [], source.relPath)
    const verdict = run.result?.verdict
    // A named directory is searched like any root; finding nothing in it is the generic "no input was examined"
    // error, which does not name the path (gap reported, not a silent pass).
    const problems = run.problems.filter(p => !(p.startsWith('no error names') && /no input was examined/.test(p)))
    if (verdict !== 'error') problems.push(`verdict ${verdict}, expected error`)
    record(`${source.command.join(' ')} directory named ${source.relPath}`, 'directory', verdict, problems)
    expect(violations.filter(v => v.includes('directory named')), violations.join('\n')).toEqual([])
  })

  it.each(commands)('%s: a symbolic link to a file outside the workspace is refused', async (_command, source) => {
    const outside = mkdtempSync(join(root, 'outside-'))
    writeFileSync(join(outside, basename(source.relPath)), readFileSync(join(fixtures, source.fixture)))
    const ws = workspaceFor({ ...source, migrationsDir: undefined })
    symlinkSync(join(outside, basename(source.relPath)), join(ws, source.relPath))
    const run = await judge(ws, cliArgs(source, ws), [source.relPath], source.relPath)
    const verdict = run.result?.verdict
    const problems = [...run.problems]
    // Linters report an unreadable file as an error or as their X-000 finding; either must say why.
    const said = JSON.stringify([...(run.result?.errors ?? []), ...((run.result?.findings ?? []) as Array<{ ruleId?: string }>).filter(f => PARSE_RULE.test(f.ruleId ?? ''))])
    if (verdict !== 'error' && !namesFileWithParseFinding(run.result, source.relPath)) problems.push(`verdict ${verdict}, expected error or a parse finding`)
    else if (!/outside the workspace/.test(said)) problems.push(`no "outside the workspace" message: ${said.slice(0, 300)}`)
    record(`${source.command.join(' ')} symlink ${source.relPath} → outside`, 'symlink-outside', verdict, problems)
    expect(violations.filter(v => v.includes('→ outside')), violations.join('\n')).toEqual([])
  })

  it.each(commands)('%s: a 200 MB input is refused by a size limit without reading it', async (_command, source) => {
    const ws = workspaceFor({ ...source, migrationsDir: undefined })
    const file = join(ws, source.relPath)
    const fd = openSync(file, 'w')
    writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  big: "')
    ftruncateSync(fd, 200 * 1024 * 1024)
    closeSync(fd)
    const before = process.memoryUsage().arrayBuffers
    const run = await judge(ws, cliArgs(source, ws), [], source.relPath)
    const grown = process.memoryUsage().arrayBuffers - before
    rmSync(file)
    const verdict = run.result?.verdict
    const problems = [...run.problems]
    const messages = JSON.stringify([...(run.result?.errors ?? []), ...((run.result?.findings ?? []) as unknown[])])
    if (verdict !== 'error' && !namesFileWithParseFinding(run.result, source.relPath)) problems.push(`verdict ${verdict}, expected error or a parse finding`)
    else if (!/larger than|too large|limit/i.test(messages)) problems.push(`no size-limit message: ${messages.slice(0, 300)}`)
    if (grown > 50 * 1024 * 1024) problems.push(`read ${Math.round(grown / 1048576)} MB into memory`)
    record(`${source.command.join(' ')} 200 MB ${source.relPath}`, '200 MB file', verdict, problems)
    expect(violations.filter(v => v.includes('200 MB')), violations.join('\n')).toEqual([])
  }, 60_000)

  it('prints the totals: silent passes must be 0', () => {
    tally.print('linter corruption corpus (so far)')
    expect(tally.silent).toBe(0)
  })
})

