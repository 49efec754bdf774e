/**
 * gitleaks JSON (v8: array of {RuleID, File, StartLine, Secret, …}; v7:
 * lower-case {rule, file, lineNumber, offender, …}; `null` or `[]` when
 * clean) and CSV (v8). One finding per leak. gitleaks has no severity: the
 * caller's secretSeverity applies. The secret itself never reaches a
 * message or property; it only feeds the fingerprint hash.
 */
import { sourcesOf, type Finding } from '../../core/finding.js'
import { isList } from '../../core/lazy-json.js'
import { FingerprintSet, StringPool, elementObj, fail, lineNumber, reqStr, str, strOf, type Obj, cleanPath } from './fields.js'
import type { ParserContext, ParserOutput } from './types.js'

const GITLEAKS_RULES = 'https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml'
const FIX = 'Remove the secret from the code and the git history, rotate it, and add a .gitleaksignore entry only for false positives.'

interface Leak {
  ruleId: string
  description: string
  path: string
  line: number
  endLine: number | undefined
  column: number | undefined
  secret: string
  commit: string | undefined
  gitleaksFingerprint: string | undefined
  link: string | undefined
}

export function parseGitleaksJson(doc: unknown, context: ParserContext): ParserOutput {
  // v7 writes null when clean.
  if (doc === null) return { tool: 'gitleaks', findings: [], suppressed: 0 }
  if (!isList(doc)) fail('a gitleaks JSON report must be an array of leaks (or null)')
  const fingerprints = new FingerprintSet()
  const pool = new StringPool()
  const findings: Finding[] = []
  for (let i = 0; i < doc.length; i++) {
    const entry = elementObj(doc, i, '')
    const where = `[${i}]`
    findings.push(toFinding('RuleID' in entry ? v8Leak(entry, where) : v7Leak(entry, where), context, fingerprints, pool))
  }
  return { tool: 'gitleaks', findings, suppressed: 0 }
}

function v8Leak(entry: Obj, where: string): Leak {
  // Named property reads (strOf(entry.X)): monomorphic and cheap, where str(entry, key) is one megamorphic site for every key.
  return {
    ruleId: reqStr(entry, 'RuleID', where),
    description: strOf(entry.Description) ?? '',
    path: cleanPath(reqStr(entry, 'File', where)),
    line: lineNumber(entry.StartLine) ?? 1,
    endLine: lineNumber(entry.EndLine),
    column: lineNumber(entry.StartColumn),
    secret: strOf(entry.Secret) || strOf(entry.Match) || '',
    commit: strOf(entry.Commit) || undefined,
    gitleaksFingerprint: strOf(entry.Fingerprint) || undefined,
    link: strOf(entry.Link) || undefined
  }
}

function v7Leak(entry: Obj, where: string): Leak {
  if (!('rule' in entry) && !('offender' in entry)) fail(`${where} is not a gitleaks leak (no RuleID or rule)`)
  return {
    ruleId: reqStr(entry, 'rule', where),
    description: '',
    path: cleanPath(reqStr(entry, 'file', where)),
    line: lineNumber(entry.lineNumber) ?? 1,
    endLine: undefined,
    column: undefined,
    secret: str(entry, 'offender') || str(entry, 'line') || '',
    commit: str(entry, 'commit') || undefined,
    gitleaksFingerprint: undefined,
    link: str(entry, 'leakURL') || undefined
  }
}

function toFinding(leak: Leak, context: ParserContext, fingerprints: FingerprintSet, pool: StringPool): Finding {
  const properties: Record<string, string | number | boolean> = {}
  if (leak.commit) properties.commit = leak.commit
  if (leak.gitleaksFingerprint) properties.gitleaksFingerprint = leak.gitleaksFingerprint
  const what = pool.get(leak.description || leak.ruleId)
  const ruleId = pool.get(leak.ruleId)
  return {
    source: 'gitleaks',
    sources: sourcesOf('gitleaks'),
    ruleId,
    ruleName: ruleId,
    severity: context.secretSeverity,
    title: what,
    // join: one flat string per finding instead of a tree of concatenations.
    message: ['Secret detected (', what, ') in ', leak.path, leak.commit ? ' at commit ' : '', leak.commit ? leak.commit.slice(0, 12) : ''].join(''),
    path: leak.path,
    line: leak.line,
    endLine: leak.endLine,
    column: leak.column,
    fingerprint: fingerprints.of('secret', leak.ruleId, leak.path, leak.secret),
    helpUri: leak.link ?? GITLEAKS_RULES,
    kind: 'secret',
    fix: FIX,
    fixAvailable: undefined,
    properties
  }
}

/**
 * The headers gitleaks' CSV writer (report/csv.go) has written, oldest first:
 * a report is only trusted when its header is one of them exactly, so a file
 * cut inside its header line can never read as a clean report.
 */
const V8_1_COLUMNS = ['RuleID', 'Commit', 'File', 'Secret', 'Match', 'StartLine', 'EndLine', 'StartColumn', 'EndColumn', 'Author', 'Message', 'Date', 'Email']
const V8_17_COLUMNS = ['RuleID', 'Commit', 'File', 'SymlinkFile', 'Secret', 'Match', 'StartLine', 'EndLine', 'StartColumn', 'EndColumn', 'Author', 'Message', 'Date', 'Email', 'Fingerprint', 'Tags']
export const GITLEAKS_CSV_HEADERS: ReadonlyArray<readonly string[]> = [
  // v8.0.x: Context where later versions write Match.
  V8_1_COLUMNS.map(name => (name === 'Match' ? 'Context' : name)),
  // v8.1 – v8.9
  V8_1_COLUMNS,
  // v8.10 – v8.14: + Fingerprint
  [...V8_1_COLUMNS, 'Fingerprint'],
  // v8.15 – v8.16: + SymlinkFile
  V8_17_COLUMNS.slice(0, -1),
  // v8.17 and later (the real fixtures)
  V8_17_COLUMNS,
  // v8.24 and later when findings carry a Link
  [...V8_17_COLUMNS, 'Link']
]

function isKnownHeader(cells: readonly string[]): boolean {
  return GITLEAKS_CSV_HEADERS.some(h => h.length === cells.length && h.every((name, i) => cells[i] === name))
}

/** gitleaks v8 CSV: one of gitleaks' own headers, then one row per leak; every line ends with a line break. */
export function parseGitleaksCsv(text: string, context: ParserContext): ParserOutput {
  const rows = parseCsv(text)
  const header = rows[0]
  if (!header || !isKnownHeader(header.cells)) {
    const found = (header?.cells ?? []).join(',')
    const cut = rows.length === 1 && V8_17_COLUMNS.join(',').startsWith(found) ? ' (cut short: is the file truncated?)' : ''
    fail(
      `not a complete gitleaks CSV header${cut}: expected "${V8_17_COLUMNS.join(',')}" (or an older gitleaks v8 header), found "${found.length > 120 ? `${found.slice(0, 120)}…` : found}"`
    )
  }
  // Go's csv.Writer ends every record with a line break: without one the last line may be cut anywhere.
  if (!text.endsWith('\n')) {
    const last = rows[rows.length - 1] as CsvRow
    fail(`line ${last.line}: the last line has no line break, the file is truncated`)
  }
  const column = new Map<string, number>()
  header.cells.forEach((name, index) => column.set(name, index))
  const cell = (cells: string[], name: string): string | undefined => {
    const index = column.get(name)
    return index === undefined ? undefined : cells[index]
  }
  const fingerprints = new FingerprintSet()
  const pool = new StringPool()
  const findings: Finding[] = []
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as CsvRow
    if (row.cells.length === 1 && row.cells[0] === '') continue
    if (row.cells.length !== header.cells.length) {
      fail(`line ${row.line}: ${row.cells.length} fields where the header has ${header.cells.length}`)
    }
    const ruleId = cell(row.cells, 'RuleID') ?? ''
    const file = cell(row.cells, 'File') ?? ''
    if (!ruleId || !file) fail(`line ${row.line}: RuleID and File must not be empty`)
    const leak: Leak = {
      ruleId,
      description: cell(row.cells, 'Description') ?? '',
      path: cleanPath(file),
      line: lineNumber(cell(row.cells, 'StartLine')) ?? 1,
      endLine: lineNumber(cell(row.cells, 'EndLine')),
      column: lineNumber(cell(row.cells, 'StartColumn')),
      secret: cell(row.cells, 'Secret') || cell(row.cells, 'Match') || '',
      commit: cell(row.cells, 'Commit') || undefined,
      gitleaksFingerprint: cell(row.cells, 'Fingerprint') || undefined,
      link: cell(row.cells, 'Link') || undefined
    }
    findings.push(toFinding(leak, context, fingerprints, pool))
  }
  return { tool: 'gitleaks', findings, suppressed: 0 }
}

interface CsvRow {
  /** 1-based line where the row starts. */
  line: number
  cells: string[]
}

/** RFC 4180 as Go's encoding/csv writes it: quoted fields may hold commas, "" and line breaks. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = []
  let cells: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]
    if (c === '"' && field === '') {
      // Quoted field.
      i++
      while (true) {
        if (i >= n) fail(`line ${rowLine}: unterminated quoted field (is the file truncated?)`)
        const q = text[i]
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (q === '\n') line++
        field += q
        i++
      }
      const next = text[i]
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        fail(`line ${line}: unexpected character after a closing quote`)
      }
      continue
    }
    if (c === ',') {
      cells.push(field)
      field = ''
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      cells.push(field)
      rows.push({ line: rowLine, cells })
      cells = []
      field = ''
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
      continue
    }
    field += c
    i++
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field)
    rows.push({ line: rowLine, cells })
  }
  return rows
}
