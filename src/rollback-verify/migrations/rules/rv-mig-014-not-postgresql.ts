import type { MigrationHit, MigrationRule } from './types.js'

export const rule: MigrationRule = {
  id: 'RV-MIG-014',
  name: 'not-postgresql',
  title: 'Migration file is not parseable as PostgreSQL',
  severity: 'info',
  kind: 'misconfiguration',
  rationale: 'The SQL rules need the PostgreSQL parser; a file in another dialect (MySQL, SQLite), with templating, or with a syntax error is skipped by them and reported once here.',
  fix: 'If the file is meant for PostgreSQL, fix the syntax error (the drill will fail on it too); otherwise exclude the directory from rollback-verify.',
  check(ctx) {
    const hits: MigrationHit[] = []
    const reported = new Set<string>()
    for (const { up, down } of ctx.analyzed) {
      for (const part of [up, down]) {
        // Once per file: a dbmate file with both sections unparseable is one problem.
        if (!part?.parseError || reported.has(part.part.path)) continue
        reported.add(part.part.path)
        const templated = /\{\{[^}]*\}\}|\{%[^%]*%\}/.test(part.part.sql)
        const why = templated ? 'it contains template placeholders ({{ … }}), render it first' : part.parseError.message
        hits.push({ path: part.part.path, line: part.parseError.line, message: `${part.part.path} is not parseable as PostgreSQL (${why}); SQL rules skipped for it.`, key: 'parse' })
      }
    }
    return hits
  }
}
