import { dirname, posix } from 'node:path'
import { glob } from 'tinyglobby'
import { displayPath } from '../../core/files.js'
import { resolve } from 'node:path'

const SQL_NAME = /^(\d+_.+\.(up|down)\.sql|[VU]\d[\w.]*__.+\.sql|\d+[_.-].*\.sql)$/
const JS_NAME = /^\d+[_-]?.*\.(js|cjs|mjs|ts|cts|mts)$/
/** Timestamped JS migrations outside a folder called migrations (knex/node-pg-migrate with a custom directory). */
const JS_TIMESTAMPED = /^\d{8,}[_-].*\.(js|cjs|mjs|ts|cts|mts)$/

/**
 * Finds migration directories under the given roots when none was named:
 * sqitch projects, Prisma migration folders, and folders of versioned SQL or
 * JS migration files. Returned workspace-relative and sorted.
 */
export async function locateMigrationDirs(workspace: string, roots: string[]): Promise<string[]> {
  const dirs = new Set<string>()
  for (const root of roots.length > 0 ? roots : ['.']) {
    const cwd = resolve(workspace, root)
    const files = await glob(['**/*.sql', '**/sqitch.plan', '**/migration_lock.toml', '**/migrations/*.{js,cjs,mjs,ts,cts,mts}', '**/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*.{js,cjs,mjs,ts,cts,mts}'], {
      cwd,
      dot: false,
      onlyFiles: true,
      ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/vendor/**']
    }).catch(() => [] as string[])
    const special = new Set<string>()
    for (const file of files) {
      const name = posix.basename(file)
      if (name === 'sqitch.plan' || name === 'migration_lock.toml') special.add(dirname(file))
    }
    for (const file of files) {
      const dir = dirname(file)
      const name = posix.basename(file)
      if (special.has(dir) || [...special].some(s => dir.startsWith(s === '.' ? '' : `${s}/`))) continue
      const inMigrationsDir = posix.basename(dir) === 'migrations'
      const js = inMigrationsDir ? JS_NAME.test(name) : JS_TIMESTAMPED.test(name)
      if (name.endsWith('.sql') ? SQL_NAME.test(name) : js) dirs.add(displayPath(workspace, resolve(cwd, dir)))
    }
    special.forEach(dir => dirs.add(displayPath(workspace, resolve(cwd, dir))))
  }
  return [...dirs].sort()
}
