import type { RuleMeta } from '../../core/rule.js'
import { obj, str, type Obj } from '../common/node.js'
import type { Migration, MigrationTool } from '../migrations/discover.js'
import { alterCommands, optionNames, relationKey } from './names.js'
import type { SqlStatement } from './parse.js'

/** What a SQL rule sees: one migration direction, parsed, with its transaction facts. */
export interface SqlContext {
  tool: MigrationTool
  migration: Migration
  path: string
  statements: SqlStatement[]
  /** The tool runs the whole section in one transaction (its wrapping, or one multi-statement Exec). */
  toolTransaction: boolean
  /** True when `table` was created by an earlier statement of this migration (so it is empty and unseen by old code). */
  isNew(table: string | undefined, before: number): boolean
  /** Inside BEGIN … COMMIT written in the file. */
  inExplicitTransaction(index: number): boolean
  /** Statements `a` and `b` run in the same transaction (tool wrapping or one BEGIN … COMMIT block). */
  sameTransaction(a: number, b: number): boolean
  /** A `SET lock_timeout` ran before statement `index`. */
  lockTimeoutBefore(index: number): boolean
}

export interface SqlHit {
  statement: SqlStatement
  message: string
  /** Extra identity (column, constraint) so two hits on one statement keep distinct fingerprints. */
  key?: string
}

export interface SqlRule extends RuleMeta {
  check(ctx: SqlContext): SqlHit[]
}

/** Statements PostgreSQL refuses to run inside a transaction block. */
export function isNonTransactional(statement: SqlStatement): boolean {
  const n = statement.node
  switch (statement.kind) {
    case 'IndexStmt':
    case 'DropStmt':
      return n.concurrent === true
    case 'ReindexStmt':
      return optionNames(n.params).includes('concurrently')
    case 'AlterTableStmt':
      return alterCommands(n).some(c => c.subtype === 'AT_DetachPartition' && obj(obj(c.def)?.PartitionCmd)?.concurrent === true)
    case 'VacuumStmt':
      return n.is_vacuumcmd === true
    case 'CreatedbStmt':
    case 'DropdbStmt':
    case 'AlterSystemStmt':
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
      return true
    default:
      return false
  }
}

/** Tables a statement creates. */
function createdTable(statement: SqlStatement): string | undefined {
  if (statement.kind === 'CreateStmt') return relationKey(statement.node.relation)
  if (statement.kind === 'CreateTableAsStmt') return relationKey(obj(statement.node.into)?.rel)
  return undefined
}

function transactionKind(statement: SqlStatement): string | undefined {
  return statement.kind === 'TransactionStmt' ? str(statement.node.kind) : undefined
}

export function toolWrapsInTransaction(tool: MigrationTool, transactional: boolean, statements: SqlStatement[]): boolean {
  switch (tool) {
    case 'golang-migrate':
    case 'prisma':
      // One Exec of a multi-statement string = one implicit transaction (simple query protocol).
      return statements.length > 1
    case 'flyway':
      // Flyway runs a migration made only of non-transactional statements outside a transaction.
      return transactional && !statements.every(isNonTransactional)
    case 'sqitch':
    case 'numbered-sql':
      return false
    default:
      return transactional
  }
}

export function buildContext(
  tool: MigrationTool,
  migration: Migration,
  path: string,
  statements: SqlStatement[],
  transactional: boolean,
  /** Tables created outside the parsed SQL (a JS query builder), treated as new from the start. */
  createdElsewhere: string[] = []
): SqlContext {
  const createdAt = new Map<string, number>(createdElsewhere.map(t => [t, -1]))
  const explicit: boolean[] = []
  const block: Array<number | undefined> = []
  let depth = 0
  let blockId = 0
  let firstLockTimeout = Number.POSITIVE_INFINITY
  for (const s of statements) {
    const table = createdTable(s)
    if (table && !createdAt.has(table)) createdAt.set(table, s.index)
    const kind = transactionKind(s)
    if ((kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') && depth++ === 0) blockId++
    explicit[s.index] = depth > 0
    block[s.index] = depth > 0 ? blockId : undefined
    if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') depth = 0
    if (s.kind === 'VariableSetStmt' && str(s.node.name)?.toLowerCase() === 'lock_timeout' && firstLockTimeout === Number.POSITIVE_INFINITY) {
      firstLockTimeout = s.index
    }
  }
  const toolTransaction = toolWrapsInTransaction(tool, transactional, statements)
  return {
    tool,
    migration,
    path,
    statements,
    toolTransaction,
    sameTransaction: (a, b) => toolTransaction || (block[a] !== undefined && block[a] === block[b]),
    isNew: (table, before) => table !== undefined && (createdAt.get(table) ?? Number.POSITIVE_INFINITY) < before,
    inExplicitTransaction: index => explicit[index] === true,
    lockTimeoutBefore: index => firstLockTimeout < index
  }
}

/** Visits every ALTER TABLE sub-command on a table that existed before this migration. */
export function existingTableCommands(ctx: SqlContext, visit: (statement: SqlStatement, cmd: Obj, table: string) => void): void {
  for (const statement of ctx.statements) {
    if (statement.kind !== 'AlterTableStmt') continue
    const table = relationKey(statement.node.relation)
    if (!table || ctx.isNew(table, statement.index)) continue
    for (const cmd of alterCommands(statement.node)) visit(statement, cmd, table)
  }
}

export function hit(statement: SqlStatement, message: string, key?: string): SqlHit {
  return key === undefined ? { statement, message } : { statement, message, key }
}
