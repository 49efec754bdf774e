export const id = 842;
export const ids = [842];
export const modules = {

/***/ 5842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDrill: () => (/* binding */ runDrill)
});

// UNUSED EXPORTS: DRILL_COMMAND

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/rollback-verify/migrations/discover.ts + 8 modules
var discover = __webpack_require__(914);
// EXTERNAL MODULE: ./src/rollback-verify/common/finding.ts
var common_finding = __webpack_require__(5007);
// EXTERNAL MODULE: ./src/rollback-verify/sql/parse.ts
var parse = __webpack_require__(4162);
;// CONCATENATED MODULE: ./src/rollback-verify/drill/engine.ts
/** Raised when a database call outlives its time budget; the engine must not be trusted afterwards. */
class DrillTimeoutError extends Error {
    what;
    timeoutMs;
    name = 'DrillTimeoutError';
    constructor(what, timeoutMs) {
        super(`${what} did not finish within ${timeoutMs} ms`);
        this.what = what;
        this.timeoutMs = timeoutMs;
    }
}
/** Races a promise against a timer; the timer is always cleared so nothing keeps the process alive. */
async function withTimeout(what, timeoutMs, work) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DrillTimeoutError(what, timeoutMs)), timeoutMs);
    });
    try {
        return await Promise.race([work, timeout]);
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/** Default per-call budget: generous for a slow CI runner, short enough to never hang a job. */
const DEFAULT_CALL_TIMEOUT_MS = 60_000;
/** Starting PGlite cold takes ~5 s here; allow for slower machines. */
const ENGINE_START_TIMEOUT_MS = 120_000;

;// CONCATENATED MODULE: ./src/rollback-verify/drill/apply.ts



const NON_TRANSACTIONAL = /\bconcurrently\b|^\s*(?:vacuum|alter\s+system|create\s+database|drop\s+database|create\s+tablespace)\b/im;
function runModeFor(tool, migration, direction, sql) {
    const transactional = direction === 'down' ? (migration.downTransactional ?? migration.transactional) : migration.transactional;
    if (tool === 'flyway')
        return transactional && !NON_TRANSACTIONAL.test(sql) ? 'transaction' : 'statements';
    if (transactional)
        return 'transaction';
    if (tool === 'sqitch' || tool === 'numbered-sql')
        return 'statements';
    return 'script';
}
/** The 1-based character position PostgreSQL reports for a syntax/semantic error, if any. */
function errorPosition(error) {
    if (typeof error !== 'object' || error === null || !('position' in error))
        return undefined;
    const position = Number(error.position);
    return Number.isInteger(position) && position > 0 ? position : undefined;
}
function lineOf(text, firstLine, position) {
    if (position === undefined)
        return firstLine;
    return firstLine + (text.slice(0, Math.max(0, position - 1)).match(/\n/g)?.length ?? 0);
}
/** Server messages only; our timeout is not a migration fault and propagates. */
function failure(error, started, line) {
    if (error instanceof DrillTimeoutError)
        throw error;
    return { ok: false, ms: Date.now() - started, message: (0,errors/* errorMessage */.gJ)(error), line };
}
/** An aborted explicit transaction blocks every later call until ROLLBACK (spec §f). */
async function recover(engine) {
    await engine.exec('ROLLBACK').catch(error => {
        if (error instanceof DrillTimeoutError)
            throw error;
    });
}
/** Runs one direction of one migration the way its tool would. */
async function applyPart(engine, part, mode) {
    const started = Date.now();
    const sql = part.sql;
    if (sql.trim() === '')
        return { ok: true, ms: 0 };
    if (mode === 'statements') {
        const parsed = await (0,parse/* parseSection */.B)(sql, part.startLine);
        if (parsed.ok) {
            for (const statement of parsed.statements) {
                try {
                    await engine.exec(statement.text);
                }
                catch (error) {
                    if (error instanceof DrillTimeoutError)
                        throw error;
                    await recover(engine);
                    return failure(error, started, lineOf(statement.text, statement.line, errorPosition(error)));
                }
            }
            return { ok: true, ms: Date.now() - started };
        }
        // Not parseable by our parser: let the server judge the whole file.
    }
    const prefix = mode === 'transaction' ? 'BEGIN;\n' : '';
    const text = mode === 'transaction' ? `${prefix}${sql}\n;\nCOMMIT;` : sql;
    try {
        await engine.exec(text);
        return { ok: true, ms: Date.now() - started };
    }
    catch (error) {
        // A timed-out engine is still busy; the drill stops instead of queueing more calls.
        if (error instanceof DrillTimeoutError)
            throw error;
        await recover(engine);
        const position = errorPosition(error);
        const line = position !== undefined ? lineOf(sql, part.startLine, position - prefix.length) : await locateFailure(engine, part);
        return failure(error, started, line);
    }
}
/**
 * Errors raised while executing (not parsing) carry no position, and a whole-file call does
 * not say which statement failed. Replaying the statements one by one inside a transaction
 * that is always rolled back finds it without changing the database.
 */
async function locateFailure(engine, part) {
    const parsed = await (0,parse/* parseSection */.B)(part.sql, part.startLine);
    if (!parsed.ok)
        return parsed.line;
    await engine.exec('BEGIN');
    try {
        for (const statement of parsed.statements) {
            // The file's own BEGIN/COMMIT would end our transaction and make the replay stick.
            if (statement.kind === 'TransactionStmt')
                continue;
            try {
                await engine.exec(statement.text);
            }
            catch (error) {
                if (error instanceof DrillTimeoutError)
                    throw error;
                return lineOf(statement.text, statement.line, errorPosition(error));
            }
        }
        return part.startLine;
    }
    finally {
        await recover(engine);
    }
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/rules.ts
/** RV-DRILL rule catalogue (spec §a). Outcomes of one procedure, so metadata only, no per-rule check. */
const UP_FAILS = {
    id: 'RV-DRILL-001',
    name: 'up-migration-fails',
    title: 'An up migration fails when applied',
    severity: 'high',
    kind: 'misconfiguration',
    rationale: 'The drill applies every up migration in order on a fresh database; one that fails there will fail (and, for golang-migrate, leave the database dirty) in the deployment too.',
    fix: 'Fix the statement named in the message; make the migration run on a fresh database and on one that holds rows.'
};
const DOWN_FAILS = {
    id: 'RV-DRILL-002',
    name: 'down-migration-fails',
    title: 'A down migration is missing or fails',
    severity: 'high',
    kind: 'misconfiguration',
    rationale: 'A rollback runs the downs newest first; a missing or failing down stops it halfway, exactly when the rollback is needed most.',
    fix: 'Write (or fix) the down migration so it undoes its up, and run the drill until it passes.'
};
const FULL_CYCLE_DIFFERS = {
    id: 'RV-DRILL-003',
    name: 'full-cycle-schema-differs',
    title: 'up → down → up does not reproduce the schema',
    severity: 'high',
    kind: 'misconfiguration',
    rationale: 'After rolling every migration back and applying them again the schema must be the one the first deployment produced; otherwise a redeploy after a rollback fails or builds a different database.',
    fix: 'Make every down drop exactly what its up created (sequences, types, indexes included) so that the up can run again.'
};
const DOWN_DOES_NOT_RESTORE = {
    id: 'RV-DRILL-004',
    name: 'down-does-not-restore',
    title: 'A down migration does not restore the previous schema',
    severity: 'high',
    kind: 'misconfiguration',
    rationale: 'The drill compares the catalog after each down with the catalog taken before its up; anything left over or missing means a rollback lands on a schema no release was built for.',
    fix: 'Undo in the down every object the up created or changed (see the listed differences).',
    anchors: { static: 'RV-MIG-004' }
};
const DRILL_INCONCLUSIVE = {
    id: 'RV-DRILL-005',
    name: 'drill-inconclusive',
    title: 'The migration drill could not run these migrations',
    severity: 'info',
    kind: 'misconfiguration',
    rationale: 'The embedded PGlite engine lacks some extensions and server features, and the drill cannot execute JavaScript migrations or downs that do not exist (Prisma); those parts of the rollback are untested.',
    fix: 'Run the drill against a real PostgreSQL server (database-url) that has the needed extensions, or drill JavaScript migrations with their own tool.'
};
const DATA_LOSS = {
    id: 'RV-DRILL-006',
    name: 'data-lost-on-round-trip',
    title: 'Rows do not survive an up → down round trip',
    severity: 'medium',
    kind: 'misconfiguration',
    rationale: 'With seeded rows, an up that drops a column and a down that re-adds it gives back the column but not its values; a rollback after such a deploy silently loses data.',
    fix: 'Keep the data (copy it aside in the up, restore it in the down) or split the change into expand and contract releases.'
};
const DRILL_RULES = [
    UP_FAILS,
    DOWN_FAILS,
    FULL_CYCLE_DIFFERS,
    DOWN_DOES_NOT_RESTORE,
    DRILL_INCONCLUSIVE,
    DATA_LOSS
];

;// CONCATENATED MODULE: ./src/rollback-verify/drill/snapshot.ts
/** Migration tools' own bookkeeping (spec §c): the drill never runs a tool, but migrations may create them. */
const BOOKKEEPING_TABLES = [
    'schema_migrations',
    'goose_db_version',
    'flyway_schema_history',
    'knex_migrations',
    'knex_migrations_lock',
    'pgmigrations',
    '_prisma_migrations',
    'atlas_schema_revisions',
    'django_migrations',
    'ar_internal_metadata'
];
const BOOKKEEPING_SCHEMAS = ['sqitch', 'atlas_schema_revisions'];
const list = (names) => names.map(n => `'${n}'`).join(', ');
/*
 * One round trip: every category as (kind, name, detail, parent) rows. Objects that belong
 * to an extension are left out (the extension row stands for them); so are array and
 * row types, which PostgreSQL creates implicitly.
 */
const SNAPSHOT_SQL = `
with ns as (
  select n.oid, n.nspname from pg_namespace n
  where n.nspname not in ('information_schema', ${list(BOOKKEEPING_SCHEMAS)})
    and n.nspname not like 'pg\\_%'
    and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')
),
rels as (
  select c.oid, c.relkind, c.relname, ns.nspname || '.' || c.relname as qname, c.relpersistence, c.relrowsecurity
  from pg_class c join ns on ns.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    and c.relname not in (${list(BOOKKEEPING_TABLES)})
    and not (c.relkind = 'S' and exists (
      select 1 from pg_depend d join pg_class t on t.oid = d.refobjid
      where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
        and d.deptype in ('a', 'i') and t.relname in (${list(BOOKKEEPING_TABLES)})))
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
),
owned_seq as (
  select d.objid as seq, t.qname as owner
  from pg_depend d join rels t on t.oid = d.refobjid
  where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
)
select 'schema' as kind, nspname as name, '' as detail, '' as parent from ns
union all
select 'extension', extname, extversion, '' from pg_extension where extname <> 'plpgsql'
union all
select case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
         when 'f' then 'foreign table' else 'table' end,
       r.qname,
       case r.relkind
         when 'v' then pg_get_viewdef(r.oid)
         when 'm' then pg_get_viewdef(r.oid)
         when 'S' then format('%s start %s increment %s min %s max %s cache %s%s',
                          format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
                          case when s.seqcycle then ' cycle' else '' end)
         else concat_ws(' ', case r.relkind when 'p' then 'partitioned' end,
                        case r.relpersistence when 'u' then 'unlogged' end,
                        case when r.relrowsecurity then 'row-level-security' end)
       end,
       coalesce(o.owner, '')
from rels r
left join owned_seq o on o.seq = r.oid
left join pg_sequence s on s.seqrelid = r.oid
union all
select 'column', r.qname || '.' || a.attname,
       concat_ws(' ', format_type(a.atttypid, a.atttypmod),
                 case when a.attnotnull then 'not null' end,
                 case when a.attidentity = 'a' then 'generated always as identity'
                      when a.attidentity = 'd' then 'generated by default as identity' end,
                 case when a.attgenerated = 's' then 'generated always as (' || pg_get_expr(ad.adbin, ad.adrelid) || ') stored'
                      when a.attgenerated = 'v' then 'generated always as (' || pg_get_expr(ad.adbin, ad.adrelid) || ') virtual'
                      when ad.adbin is not null then 'default ' || pg_get_expr(ad.adbin, ad.adrelid) end,
                 'collate ' || co.collname),
       r.qname
from rels r
join pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
join pg_type ty on ty.oid = a.atttypid
left join pg_collation co on co.oid = a.attcollation and a.attcollation <> ty.typcollation
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
where r.relkind in ('r', 'p', 'f')
union all
select 'constraint', r.qname || '.' || con.conname, pg_get_constraintdef(con.oid), r.qname
from pg_constraint con join rels r on r.oid = con.conrelid
where con.contype <> 'n'
union all
select 'index', ns.nspname || '.' || i.relname,
       pg_get_indexdef(x.indexrelid) || case when x.indisvalid then '' else ' (INVALID)' end,
       r.qname
from pg_index x join rels r on r.oid = x.indrelid
join pg_class i on i.oid = x.indexrelid join ns on ns.oid = i.relnamespace
union all
select 'trigger', r.qname || '.' || t.tgname, pg_get_triggerdef(t.oid), r.qname
from pg_trigger t join rels r on r.oid = t.tgrelid
where not t.tgisinternal
union all
select 'policy', r.qname || '.' || p.polname,
       concat_ws(' ', p.polcmd, p.polpermissive, pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)),
       r.qname
from pg_policy p join rels r on r.oid = p.polrelid
union all
select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window function' else 'function' end,
       ns.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       concat_ws(' ', 'returns ' || pg_get_function_result(p.oid), 'language ' || l.lanname,
                 case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
                 case when p.prosecdef then 'security definer' end,
                 'body ' || md5(coalesce(p.prosrc, ''))),
       ''
from pg_proc p join ns on ns.oid = p.pronamespace join pg_language l on l.oid = p.prolang
where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
union all
select case t.typtype when 'e' then 'enum' when 'd' then 'domain' when 'r' then 'range type' else 'composite type' end,
       ns.nspname || '.' || t.typname,
       case t.typtype
         when 'e' then (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid)
         when 'd' then concat_ws(' ', format_type(t.typbasetype, t.typtypmod), case when t.typnotnull then 'not null' end,
                                 'default ' || t.typdefault,
                                 (select string_agg(pg_get_constraintdef(c.oid), ' ' order by c.conname) from pg_constraint c where c.contypid = t.oid))
         when 'r' then (select format_type(rg.rngsubtype, null) from pg_range rg where rg.rngtypid = t.oid)
         else (select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
               from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)
       end,
       ''
from pg_type t join ns on ns.oid = t.typnamespace
where t.typtype in ('e', 'd', 'r', 'c') and t.typcategory <> 'A'
  and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')
  and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
`;
/** Reads the schema from the catalog (no pg_dump: it does not exist for PGlite). */
async function snapshotSchema(engine) {
    const rows = await engine.query(SNAPSHOT_SQL);
    const objects = rows.map(row => ({
        kind: String(row.kind),
        name: String(row.name),
        detail: row.detail === null || row.detail === undefined ? '' : String(row.detail),
        parent: row.parent === null || row.parent === undefined ? '' : String(row.parent)
    }));
    objects.sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name));
    return { objects };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * What `actual` has that `expected` lacks, and vice versa. Children of a relation that is
 * itself extra/missing are folded into it: "table users still exists", not one line per column.
 */
function diffSchemas(expected, actual) {
    const key = (o) => `${o.kind}\u0000${o.name}`;
    const before = new Map(expected.objects.map(o => [key(o), o]));
    const after = new Map(actual.objects.map(o => [key(o), o]));
    const differences = [];
    for (const [k, o] of after) {
        const was = before.get(k);
        if (!was)
            differences.push({ change: 'extra', kind: o.kind, name: o.name, found: o.detail, parent: o.parent });
        else if (was.detail !== o.detail)
            differences.push({ change: 'changed', kind: o.kind, name: o.name, expected: was.detail, found: o.detail, parent: o.parent });
    }
    for (const [k, o] of before) {
        if (!after.has(k))
            differences.push({ change: 'missing', kind: o.kind, name: o.name, expected: o.detail, parent: o.parent });
    }
    const wholeRelations = new Set(differences.filter(d => d.change !== 'changed' && RELATION_KINDS.has(d.kind)).map(d => `${d.change}\u0000${d.name}`));
    return differences
        .filter(d => !(d.parent && wholeRelations.has(`${d.change}\u0000${d.parent}`)))
        .map(({ parent: _parent, ...rest }) => rest)
        .sort((a, b) => compare(a.change, b.change) || compare(a.kind, b.kind) || compare(a.name, b.name));
}
const RELATION_KINDS = new Set(['table', 'view', 'materialized view', 'sequence', 'foreign table']);
/** "public." is noise in messages; other schemas stay. */
function displayName(name) {
    return name.startsWith('public.') ? name.slice('public.'.length) : name;
}
/** One line per difference, e.g. `column users.email still exists`. */
function describeDifference(d, extra = 'still exists') {
    const what = `${d.kind} ${displayName(d.name)}`;
    if (d.change === 'extra')
        return `${what} ${extra}`;
    if (d.change === 'missing')
        return `${what} is missing`;
    return `${what} differs: expected \`${d.expected ?? ''}\`, found \`${d.found ?? ''}\``;
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/seed.ts

const COLUMNS_SQL = `
select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl, quote_ident(a.attname) as col,
       format_type(a.atttypid, a.atttypmod) as type,
       (select e.enumlabel from pg_enum e where e.enumtypid = a.atttypid order by e.enumsortorder limit 1) as enum_label
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'p') and n.nspname not in ('information_schema', 'sqitch') and n.nspname not like 'pg\\_%'
  and c.relname not in (${BOOKKEEPING_TABLES.map(t => `'${t}'`).join(', ')})
  and a.attidentity = '' and a.attgenerated = ''
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  and not exists (select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f' and a.attnum = any (f.conkey))
order by 1, a.attnum`;
/** A literal of the column's type that differs per round, or undefined to leave the column to its default. */
function valueFor(column, round) {
    const type = column.type;
    const cast = (literal) => `'${literal}'::${type}`;
    if (column.enum_label !== null)
        return `'${column.enum_label.replace(/'/g, "''")}'::${type}`;
    if (type.endsWith('[]'))
        return cast('{}');
    if (/^(smallint|integer|bigint)$/.test(type))
        return String(100 + round);
    if (/^(numeric|real|double precision)/.test(type))
        return `${100 + round}.5`;
    if (type === 'boolean')
        return 'true';
    if (/^(text|character varying|character|citext)/.test(type))
        return cast(`s${round}`);
    if (type === 'uuid')
        return cast(`00000000-0000-4000-8000-${String(round).padStart(12, '0')}`);
    if (/^(json|jsonb)$/.test(type))
        return cast(`{"seed": ${round}}`);
    if (/^(timestamp|date)/.test(type))
        return cast(`2020-01-${String((round % 27) + 1).padStart(2, '0')} 03:04:05`);
    if (/^time/.test(type))
        return cast('03:04:05');
    if (type === 'interval')
        return cast(`${round} days`);
    if (type === 'bytea')
        return cast('\\x0102');
    if (type === 'inet' || type === 'cidr')
        return cast(`10.0.0.${round % 250}`);
    return undefined;
}
/**
 * Inserts one row per user table. Tables whose constraints reject a generic row (foreign keys,
 * checks) are skipped: the seed is best effort, and the drill only compares what got in.
 */
async function seedTables(engine, round) {
    const columns = await engine.query(COLUMNS_SQL);
    const byTable = new Map();
    for (const column of columns)
        byTable.set(column.tbl, [...(byTable.get(column.tbl) ?? []), column]);
    const seeded = [];
    for (const [table, cols] of byTable) {
        const values = cols.map(c => [c.col, valueFor(c, round)]).filter((e) => e[1] !== undefined);
        const sql = values.length === 0
            ? `insert into ${table} default values`
            : `insert into ${table} (${values.map(v => v[0]).join(', ')}) values (${values.map(v => v[1]).join(', ')})`;
        try {
            await engine.exec(sql);
            seeded.push(table);
        }
        catch (error) {
            if (error instanceof Error && error.name === 'DrillTimeoutError')
                throw error;
        }
    }
    return seeded;
}
async function captureData(engine, tables) {
    const data = new Map();
    const existing = new Set((await engine.query(`select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')`)).map(r => r.tbl));
    for (const table of tables) {
        if (!existing.has(table))
            continue;
        const rows = await engine.query(`select coalesce(json_agg(row_to_json(t))::text, '[]') as rows from ${table} t`);
        const parsed = JSON.parse(rows[0]?.rows ?? '[]');
        data.set(table, Array.isArray(parsed) ? parsed : []);
    }
    return data;
}
const display = (table) => table.replace(/^public\./, '');
/** What the round trip lost: columns whose seeded values changed, tables that lost rows. */
function dataLosses(before, after) {
    const losses = [];
    for (const [table, rowsBefore] of before) {
        const rowsAfter = after.get(table);
        if (!rowsAfter)
            continue; // the table itself is gone: a schema difference, reported by RV-DRILL-004
        if (rowsAfter.length < rowsBefore.length) {
            losses.push(`${rowsBefore.length - rowsAfter.length} of ${rowsBefore.length} rows of ${display(table)} are gone`);
            continue;
        }
        const columnsAfter = new Set(rowsAfter.flatMap(r => Object.keys(r)));
        const columnsBefore = new Set(rowsBefore.flatMap(r => Object.keys(r)));
        for (const column of columnsBefore) {
            if (!columnsAfter.has(column))
                continue;
            const valuesBefore = rowsBefore.map(r => JSON.stringify(r[column] ?? null)).sort();
            const valuesAfter = rowsAfter.map(r => JSON.stringify(r[column] ?? null)).sort();
            if (valuesBefore.join('\u0000') === valuesAfter.join('\u0000'))
                continue;
            const nulls = rowsAfter.filter(r => r[column] === null || r[column] === undefined).length;
            const nullsBefore = rowsBefore.filter(r => r[column] === null || r[column] === undefined).length;
            losses.push(nulls > nullsBefore
                ? `column ${display(table)}.${column}: ${nulls - nullsBefore} seeded value(s) came back NULL`
                : `column ${display(table)}.${column}: seeded values changed`);
        }
    }
    return losses;
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/drill.ts






/** PGlite lacks some server pieces (spec §f); failures from those are the engine's, not the migration's. */
const PGLITE_UNSUPPORTED = /extension "[^"]+" is not available|could not open extension control file|could not (?:access|load|open) (?:file|library)|libpqwalreceiver|not supported by this build/i;
const MAX_DIFFS_IN_MESSAGE = 12;
function label(m) {
    return m.name ? `${m.version} (${m.name})` : m.version;
}
function listDifferences(diffs, suffix, extra) {
    const shown = diffs.slice(0, MAX_DIFFS_IN_MESSAGE).map(d => `${describeDifference(d, extra)}${suffix}`);
    const more = diffs.length > shown.length ? `; and ${diffs.length - shown.length} more` : '';
    return `${shown.join('; ')}${more}`;
}
/**
 * The drill: every up on a fresh database, then every down newest first (each compared with
 * the catalog taken before its up), then every up again (must reproduce the first schema),
 * and, when asked, a seeded-data round trip per migration.
 */
async function drillMigrations(engine, set, options = {}) {
    const findings = [];
    const errors = [];
    const notices = [];
    const migrations = set.migrations.filter((m) => m.up !== undefined);
    const steps = migrations.map(m => ({
        version: m.version,
        name: m.name,
        path: m.up.path,
        up: { status: 'not run' },
        down: { status: 'not run' },
        reUp: { status: 'not run' }
    }));
    for (const m of set.migrations) {
        if (!m.up && m.down)
            notices.push(`${m.down.path}: down migration ${label(m)} has no up; the drill skips it`);
    }
    const report = (rule, part, m, phase, message, line = part.startLine) => findings.push((0,common_finding/* makeFinding */.M)(rule, {
        path: part.path,
        line,
        message,
        key: `${phase}:${m.version}:${m.name}`,
        properties: { version: m.version, engine: engine.kind, phase }
    }));
    const outcome = () => ({ findings, errors, notices, steps });
    const js = javascriptOutcome(set);
    if (js)
        return js;
    const run = async (m, part, direction) => {
        const mode = runModeFor(set.tool, m, direction, part.sql);
        try {
            return await applyPart(engine, part, mode);
        }
        catch (error) {
            if (error instanceof DrillTimeoutError)
                error.message = `${direction} of ${label(m)}: ${error.message}`;
            throw error;
        }
    };
    /** On PGlite an unsupported feature makes the rest meaningless (and may poison the instance). */
    const unsupported = (m, part, result, direction) => {
        if (engine.kind !== 'pglite' || !PGLITE_UNSUPPORTED.test(result.message))
            return false;
        report(DRILL_INCONCLUSIVE, part, m, `unsupported-${direction}`, `${direction} of ${label(m)} needs something the embedded PGlite engine does not have (${result.message}); the drill stopped here. Run it with database-url pointing at a PostgreSQL server that has it.`, result.line);
        return true;
    };
    // Phase 4 (optional): per migration, rows seeded before its up must survive up → down.
    const seededRoundTrips = async (applied) => {
        let round = 0;
        for (let i = applied - 1; i >= 0; i--) {
            const m = migrations[i];
            if (!m?.down)
                return;
            if (!(await run(m, m.down, 'down')).ok) {
                notices.push(`seeded data drill stopped: down of ${label(m)} failed on its second run`);
                return;
            }
            const seeded = await seedTables(engine, ++round);
            const data = await captureData(engine, seeded);
            const up = await run(m, m.up, 'up');
            if (!up.ok) {
                report(UP_FAILS, m.up, m, 'seeded-up', `up migration ${label(m)} fails when its tables hold rows (seeded data drill): ${up.message}`, up.line);
                return;
            }
            const down = await run(m, m.down, 'down');
            if (!down.ok) {
                report(DOWN_FAILS, m.down, m, 'seeded-down', `down migration ${label(m)} fails when its tables hold rows (seeded data drill): ${down.message}`, down.line);
                return;
            }
            const losses = dataLosses(data, await captureData(engine, seeded));
            if (losses.length > 0) {
                report(DATA_LOSS, m.down, m, 'data', `seeded rows do not survive up → down of ${label(m)}: ${losses.join('; ')}`);
            }
            // Now at the state before this migration, which is what the next (older) down expects.
        }
    };
    try {
        // Phase 1: every up on a fresh database, catalog before each.
        const before = [];
        let applied = 0;
        for (const [i, m] of migrations.entries()) {
            const step = steps[i];
            if (!step)
                break;
            before.push(await snapshotSchema(engine));
            const result = await run(m, m.up, 'up');
            step.up = { status: result.ok ? 'ok' : 'failed', ms: result.ms };
            if (result.ok) {
                applied++;
                continue;
            }
            if (unsupported(m, m.up, result, 'up'))
                return outcome();
            report(UP_FAILS, m.up, m, 'up', `up migration ${label(m)} fails on a fresh database: ${result.message}`, result.line);
            if (runModeFor(set.tool, m, 'up', m.up.sql) === 'statements') {
                notices.push(`${m.up.path}: ${label(m)} ran statement by statement and failed part-way; the database is half-migrated, so the rollback drill was not run`);
                return outcome();
            }
            notices.push(`migrations after ${label(m)} were not applied; the rollback drill covers ${applied} migration(s) before it`);
            break;
        }
        if (applied === 0)
            return outcome();
        const first = await snapshotSchema(engine);
        if (set.tool === 'prisma') {
            const newest = migrations[applied - 1];
            if (newest) {
                report(DRILL_INCONCLUSIVE, newest.up, newest, 'no-downs', `Prisma migrations have no down migrations: ${applied} up migration(s) applied cleanly, but a rollback can only be a forward fix and was not drilled.`);
            }
            return outcome();
        }
        // Phase 2: every down, newest first, each compared with the catalog before its up.
        let bottom = applied;
        for (let i = applied - 1; i >= 0; i--) {
            const m = migrations[i];
            const step = steps[i];
            const expected = before[i];
            if (!m || !step || !expected)
                break;
            if (!m.down) {
                step.down = { status: 'missing' };
                const untested = i > 0 ? ` (${i} older migration(s) were not drilled)` : '';
                report(DOWN_FAILS, m.up, m, 'down-missing', `${label(m)} has no down migration: a rollback cannot go past this version${untested}.`);
                break;
            }
            const result = await run(m, m.down, 'down');
            if (!result.ok) {
                step.down = { status: 'failed', ms: result.ms };
                if (!unsupported(m, m.down, result, 'down')) {
                    report(DOWN_FAILS, m.down, m, 'down', `down migration ${label(m)} fails: ${result.message}`, result.line);
                }
                break;
            }
            const diffs = diffSchemas(expected, await snapshotSchema(engine));
            step.down = { status: diffs.length > 0 ? 'differs' : 'ok', ms: result.ms };
            if (diffs.length > 0) {
                report(DOWN_DOES_NOT_RESTORE, m.down, m, 'down-restore', `down of ${label(m)} does not restore the schema from before its up: ${listDifferences(diffs, ` after down of ${m.version}`)}`);
            }
            bottom = i;
        }
        if (bottom !== 0) {
            notices.push('the rollback stopped before the oldest migration, so the up → down → up cycle was not run');
            return outcome();
        }
        // Phase 3: every up again; the result must be the first schema.
        for (const [i, m] of migrations.slice(0, applied).entries()) {
            const step = steps[i];
            if (!step)
                break;
            const result = await run(m, m.up, 'up');
            step.reUp = { status: result.ok ? 'ok' : 'failed', ms: result.ms };
            if (!result.ok) {
                report(FULL_CYCLE_DIFFERS, m.up, m, 're-up', `up of ${label(m)} fails when re-applied after every migration was rolled back: ${result.message}`, result.line);
                return outcome();
            }
        }
        const again = await snapshotSchema(engine);
        reportCycleDifferences(diffSchemas(first, again), migrations.slice(0, applied), before, first, (m, message) => report(FULL_CYCLE_DIFFERS, m.up, m, 'full-cycle', message));
        if (options.seed) {
            // Seeded round trips build on downs that restore the schema; otherwise every later step is noise.
            if (findings.length > 0)
                notices.push('seeded data drill skipped: the schema drill already found problems');
            else
                await seededRoundTrips(applied);
        }
        return outcome();
    }
    catch (error) {
        if (!(error instanceof DrillTimeoutError))
            throw error;
        errors.push({ path: set.dir, message: `drill stopped: ${error.message}; the engine did not answer, so nothing after this point was checked` });
        return outcome();
    }
}
/**
 * JavaScript migrations (knex, node-pg-migrate JS) cannot be executed by the drill: say so
 * with a finding, never pass by silence. Returns undefined when the set is SQL.
 */
function javascriptOutcome(set) {
    const first = set.migrations.find(m => m.js !== undefined && m.up);
    if (!first?.up)
        return undefined;
    const finding = (0,common_finding/* makeFinding */.M)(DRILL_INCONCLUSIVE, {
        path: first.up.path,
        line: first.up.startLine,
        message: `${set.tool} migrations in ${set.dir} are JavaScript; the drill runs SQL only, so none of the ${set.migrations.length} migration(s) was drilled. Drill them with ${set.tool} itself against a throw-away database.`,
        key: `javascript:${set.dir}`,
        properties: { tool: set.tool }
    });
    return { findings: [finding], errors: [], notices: [], steps: [] };
}
/**
 * Groups full-cycle differences by the migration whose up first produced the object
 * (found from the catalogs taken during the first pass); leftovers no up produced go to the newest.
 */
function reportCycleDifferences(diffs, migrations, before, first, report) {
    if (diffs.length === 0)
        return;
    const after = (i) => before[i + 1] ?? first;
    const detailIn = (s, d) => s.objects.find(o => o.kind === d.kind && o.name === d.name)?.detail;
    const owner = (d) => {
        for (let i = 0; i < migrations.length; i++) {
            const was = before[i];
            if (was && detailIn(was, d) !== detailIn(after(i), d))
                return i;
        }
        return migrations.length - 1;
    };
    const groups = new Map();
    for (const d of diffs)
        groups.set(owner(d), [...(groups.get(owner(d)) ?? []), d]);
    for (const [i, group] of [...groups].sort((a, b) => a[0] - b[0])) {
        const m = migrations[i];
        if (m) {
            report(m, `after up → down → up of every migration the schema differs from the first up (${label(m)}): ${listDifferences(group, '', 'appeared')}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/extensions.ts
const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("[^"]+"|[\w-]+)/gi;
/** Extension names the migrations create, so PGlite can load the contrib bundles up front. */
function extensionsUsed(set) {
    const names = new Set();
    for (const m of set.migrations) {
        for (const part of [m.up, m.down]) {
            for (const match of part?.sql.matchAll(CREATE_EXTENSION) ?? []) {
                const raw = match[1] ?? '';
                names.add(raw.startsWith('"') ? raw.slice(1, -1) : raw.toLowerCase());
            }
        }
    }
    return [...names].sort();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/rollback-verify/drill/pg-engine.ts




/** The URL with its password replaced: the only form of it that may appear in logs or reports. */
function redactDatabaseUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.password)
            parsed.password = '***';
        return parsed.toString();
    }
    catch {
        return '<unparseable database URL>';
    }
}
/** Scrubs the password out of any text (driver messages may echo connection details). */
function scrub(text, url) {
    const secret = url.password ? decodeURIComponent(url.password) : '';
    return secret ? text.split(secret).join('***') : text;
}
function parseUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* UserError */.yo('database-url is not a URL; expected postgres://user:password@host:port/database');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        throw new errors/* UserError */.yo(`database-url must start with postgres:// or postgresql://, got ${parsed.protocol}//…`);
    }
    return parsed;
}
async function connect(url, timeoutMs) {
    const client = new esm/* default.Client */.Ay.Client({ connectionString: url.toString(), connectionTimeoutMillis: timeoutMs });
    // A dropped connection emits 'error'; the pending call reports it, so the event must not crash the process.
    client.on('error', () => undefined);
    try {
        await withTimeout(`connecting to ${redactDatabaseUrl(url.toString())}`, timeoutMs, client.connect());
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw new errors/* UserError */.yo(`cannot connect to ${redactDatabaseUrl(url.toString())}: ${scrub((0,errors/* errorMessage */.gJ)(error), url)}`);
    }
    return client;
}
/**
 * A throw-away database (drill_<random>) on a real server. The database is created through
 * the URL's own database and always dropped by close(), whatever happened in between.
 */
async function createPgEngine(options) {
    const adminUrl = parseUrl(options.databaseUrl);
    const { timeoutMs } = options;
    const admin = await connect(adminUrl, timeoutMs);
    const call = (what, work) => withTimeout(what, timeoutMs, work);
    const database = `drill_${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    let created = false;
    let drill;
    const dropAll = async () => {
        // A session still busy after a timeout only ends when the server lets go: don't wait for it, the drop forces it.
        if (drill)
            await call('closing the drill session', drill.end()).catch(() => undefined);
        if (created) {
            const force = await call('reading the server version', admin.query('show server_version_num'))
                .then(r => Number(r.rows[0]?.server_version_num) >= 130000)
                .catch(() => false);
            if (!force) {
                // Before PostgreSQL 13 a backend still busy in the drill database (after a timeout) blocks the drop.
                await call('ending drill sessions', admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]))
                    .catch(() => undefined);
            }
            await call(`dropping ${database}`, admin.query(`drop database if exists ${database}${force ? ' with (force)' : ''}`)).catch((error) => options.onWarning?.(`could not drop the throw-away database ${database} on ${redactDatabaseUrl(adminUrl.toString())}: ${scrub((0,errors/* errorMessage */.gJ)(error), adminUrl)}; drop it by hand`));
        }
        await admin.end().catch(() => undefined);
    };
    try {
        await call(`creating ${database}`, admin.query(`create database ${database}`));
        created = true;
        const drillUrl = new URL(adminUrl.toString());
        drillUrl.pathname = `/${database}`;
        drill = await connect(drillUrl, timeoutMs);
        const client = drill;
        // The server enforces the budget too, so a runaway statement stops instead of lingering after our timer.
        // A little later than our own timer, so our timeout (which stops the drill) is the one that fires.
        await call('setting statement_timeout', client.query(`set statement_timeout = ${Math.max(1, Math.floor(timeoutMs)) + 1000}`));
        const version = await call('reading the server version', client.query('select version()'));
        const wrap = async (what, work) => {
            try {
                return await call(what, work);
            }
            catch (error) {
                if (error instanceof Error)
                    error.message = scrub(error.message, adminUrl);
                throw error;
            }
        };
        return {
            kind: 'postgres',
            version: String(version.rows[0]?.version ?? 'PostgreSQL'),
            async exec(sql) {
                await wrap('statement', client.query(sql));
            },
            async query(sql) {
                return (await wrap('query', client.query(sql))).rows;
            },
            close: dropAll
        };
    }
    catch (error) {
        await dropAll();
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/index.js + 1 modules
var dist = __webpack_require__(1618);
;// CONCATENATED MODULE: ./src/rollback-verify/drill/pglite-engine.ts


/**
 * Contrib extensions PGlite ships as loadable bundles. Static imports per name (not a
 * computed specifier) so the bundler can see them.
 */
const CONTRIB = {
    bloom: async () => (await __webpack_require__.e(/* import() */ 771).then(__webpack_require__.bind(__webpack_require__, 8771))).bloom,
    btree_gin: async () => (await __webpack_require__.e(/* import() */ 455).then(__webpack_require__.bind(__webpack_require__, 8455))).btree_gin,
    btree_gist: async () => (await __webpack_require__.e(/* import() */ 218).then(__webpack_require__.bind(__webpack_require__, 9218))).btree_gist,
    citext: async () => (await __webpack_require__.e(/* import() */ 781).then(__webpack_require__.bind(__webpack_require__, 3781))).citext,
    cube: async () => (await __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 2967))).cube,
    earthdistance: async () => (await __webpack_require__.e(/* import() */ 663).then(__webpack_require__.bind(__webpack_require__, 9663))).earthdistance,
    fuzzystrmatch: async () => (await __webpack_require__.e(/* import() */ 496).then(__webpack_require__.bind(__webpack_require__, 4496))).fuzzystrmatch,
    hstore: async () => (await __webpack_require__.e(/* import() */ 215).then(__webpack_require__.bind(__webpack_require__, 3215))).hstore,
    intarray: async () => (await __webpack_require__.e(/* import() */ 324).then(__webpack_require__.bind(__webpack_require__, 3324))).intarray,
    isn: async () => (await __webpack_require__.e(/* import() */ 58).then(__webpack_require__.bind(__webpack_require__, 7058))).isn,
    lo: async () => (await __webpack_require__.e(/* import() */ 379).then(__webpack_require__.bind(__webpack_require__, 4379))).lo,
    ltree: async () => (await __webpack_require__.e(/* import() */ 948).then(__webpack_require__.bind(__webpack_require__, 8567))).ltree,
    moddatetime: async () => (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 3641))).moddatetime,
    pg_trgm: async () => (await __webpack_require__.e(/* import() */ 888).then(__webpack_require__.bind(__webpack_require__, 9888))).pg_trgm,
    pgcrypto: async () => (await __webpack_require__.e(/* import() */ 290).then(__webpack_require__.bind(__webpack_require__, 6290))).pgcrypto,
    seg: async () => (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 849))).seg,
    tablefunc: async () => (await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.bind(__webpack_require__, 638))).tablefunc,
    tcn: async () => (await __webpack_require__.e(/* import() */ 869).then(__webpack_require__.bind(__webpack_require__, 9869))).tcn,
    unaccent: async () => (await __webpack_require__.e(/* import() */ 387).then(__webpack_require__.bind(__webpack_require__, 2387))).unaccent,
    'uuid-ossp': async () => (await __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 8077))).uuid_ossp
};
/** Extensions that exist in every PostgreSQL build (nothing to load). */
const BUILT_IN = new Set(['plpgsql']);
function pgliteSupportsExtension(name) {
    return BUILT_IN.has(name) || name in CONTRIB;
}
/** A fresh in-memory PGlite per drill: a failed statement can poison an instance (spec §f). */
async function createPgliteEngine(options) {
    const extensions = {};
    for (const name of options.extensions ?? []) {
        const load = CONTRIB[name];
        if (load)
            extensions[name.replace(/-/g, '_')] = await load();
    }
    const db = await withTimeout('starting PGlite', Math.max(options.timeoutMs, ENGINE_START_TIMEOUT_MS), dist/* PGlite */.Eb.create({ extensions }));
    const call = (what, work) => withTimeout(what, options.timeoutMs, work);
    try {
        const version = await call('reading the server version', db.query('select version()'));
        return {
            kind: 'pglite',
            version: version.rows[0]?.version ?? 'PGlite',
            async exec(sql) {
                await call('statement', db.exec(sql));
            },
            async query(sql) {
                return (await call('query', db.query(sql))).rows;
            },
            async close() {
                // A hung instance may never answer close(); the timeout lets the drill move on.
                await call('closing PGlite', db.close()).catch(() => undefined);
            }
        };
    }
    catch (error) {
        await withTimeout('closing PGlite', options.timeoutMs, db.close()).catch(() => undefined);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/table.ts
const table_escape = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function cell(c) {
    const icon = { ok: '✅', failed: '❌', differs: '⚠️ differs', missing: '❌ missing', 'not run': '—' }[c.status];
    return c.ms === undefined ? icon : `${icon} ${c.ms} ms`;
}
/** The per-migration drill table for the job summary. */
function drillTable(steps, facts) {
    const lines = [
        `Engine: ${table_escape(facts.engine.split(' on ')[0] ?? facts.engine)} (started in ${facts.engineMs} ms); drill ${facts.drillMs} ms.`,
        '',
        '| version | migration | up | down | re-up |',
        '|---|---|---|---|---|',
        ...steps.map(s => `| ${table_escape(s.version)} | ${table_escape(s.name || s.path)} | ${cell(s.up)} | ${cell(s.down)} | ${cell(s.reUp)} |`)
    ];
    if (steps.length === 0)
        lines.push('| — | no migrations | | | |');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/rollback-verify/drill/run.ts








const DRILL_COMMAND = 'rollback-verify';
/** Mode `drill`: runs the migrations in `dir` up, down and up again on a fresh database. */
async function runDrill(ctx, options) {
    const set = await (0,discover/* discoverMigrations */.l)(ctx, options.dir);
    const inputs = [...new Set(set.migrations.flatMap(m => [m.up?.path, m.down?.path]).filter((p) => !!p))];
    const result = { command: DRILL_COMMAND, findings: [], errors: [...set.errors], inputs, notices: [...(set.notices ?? [])] };
    if (set.errors.length > 0) {
        // A migration we could not read would make the drill test a different history: fail closed.
        result.errors.push({ path: set.dir, message: 'migration drill not run: the migration set has the input errors listed above' });
        return result;
    }
    const js = javascriptOutcome(set);
    if (js) {
        result.findings.push(...js.findings);
        return result;
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
        result.errors.push({ path: set.dir, message: `drill timeout must be a positive number of milliseconds, got ${String(options.timeoutMs)}` });
        return result;
    }
    const target = options.databaseUrl ? `PostgreSQL at ${redactDatabaseUrl(options.databaseUrl)}` : 'embedded PGlite';
    const extensions = extensionsUsed(set);
    if (!options.databaseUrl) {
        const missing = extensions.filter(e => !pgliteSupportsExtension(e));
        if (missing.length > 0)
            ctx.logger.warning(`PGlite has no ${missing.join(', ')} extension; migrations needing it end the drill as inconclusive (RV-DRILL-005)`);
    }
    const startedEngine = Date.now();
    let engine;
    try {
        engine = options.databaseUrl
            ? await createPgEngine({ databaseUrl: options.databaseUrl, timeoutMs, onWarning: m => ctx.logger.warning(m) })
            : await createPgliteEngine({ timeoutMs, extensions });
    }
    catch (error) {
        result.errors.push({ path: set.dir, message: `migration drill could not start ${target}: ${(0,errors/* errorMessage */.gJ)(error)}` });
        return result;
    }
    const engineMs = Date.now() - startedEngine;
    ctx.logger.info(`drilling ${set.migrations.length} ${set.tool} migration(s) from ${set.dir} on ${target} (${engine.version}; started in ${engineMs} ms)`);
    const drillStarted = Date.now();
    try {
        const outcome = await drillMigrations(engine, set, { seed: options.seed ?? false });
        result.findings.push(...outcome.findings);
        result.errors.push(...outcome.errors);
        result.notices?.push(...outcome.notices);
        result.sections = [
            {
                title: `Rollback drill: ${set.dir} (${set.tool}, ${engine.kind})`,
                markdown: drillTable(outcome.steps, { engine: engine.version, engineMs, drillMs: Date.now() - drillStarted })
            }
        ];
    }
    catch (error) {
        result.errors.push({ path: set.dir, message: `migration drill failed: ${(0,errors/* errorMessage */.gJ)(error)}` });
    }
    finally {
        await engine.close();
    }
    return result;
}


/***/ })

};

//# sourceMappingURL=842.index.js.map