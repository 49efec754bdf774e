import type { RuleMeta } from '../../core/rule.js'

/** RV-DRILL rule catalogue (spec §a). Outcomes of one procedure, so metadata only, no per-rule check. */
export const UP_FAILS: RuleMeta = {
  id: 'RV-DRILL-001',
  name: 'up-migration-fails',
  title: 'An up migration fails when applied',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'The drill applies every up migration in order on a fresh database; one that fails there will fail (and, for golang-migrate, leave the database dirty) in the deployment too.',
  fix: 'Fix the statement named in the message; make the migration run on a fresh database and on one that holds rows.'
}

export const DOWN_FAILS: RuleMeta = {
  id: 'RV-DRILL-002',
  name: 'down-migration-fails',
  title: 'A down migration is missing or fails',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A rollback runs the downs newest first; a missing or failing down stops it halfway, exactly when the rollback is needed most.',
  fix: 'Write (or fix) the down migration so it undoes its up, and run the drill until it passes.'
}

export const FULL_CYCLE_DIFFERS: RuleMeta = {
  id: 'RV-DRILL-003',
  name: 'full-cycle-schema-differs',
  title: 'up → down → up does not reproduce the schema',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'After rolling every migration back and applying them again the schema must be the one the first deployment produced; otherwise a redeploy after a rollback fails or builds a different database.',
  fix: 'Make every down drop exactly what its up created (sequences, types, indexes included) so that the up can run again.'
}

export const DOWN_DOES_NOT_RESTORE: RuleMeta = {
  id: 'RV-DRILL-004',
  name: 'down-does-not-restore',
  title: 'A down migration does not restore the previous schema',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'The drill compares the catalog after each down with the catalog taken before its up; anything left over or missing means a rollback lands on a schema no release was built for.',
  fix: 'Undo in the down every object the up created or changed (see the listed differences).',
  anchors: { static: 'RV-MIG-004' }
}

export const DRILL_INCONCLUSIVE: RuleMeta = {
  id: 'RV-DRILL-005',
  name: 'drill-inconclusive',
  title: 'The migration drill could not run these migrations',
  severity: 'info',
  kind: 'misconfiguration',
  rationale:
    'The embedded PGlite engine lacks some extensions and server features, and the drill cannot execute JavaScript migrations or downs that do not exist (Prisma); those parts of the rollback are untested.',
  fix: 'Run the drill against a real PostgreSQL server (database-url) that has the needed extensions, or drill JavaScript migrations with their own tool.'
}

export const DATA_LOSS: RuleMeta = {
  id: 'RV-DRILL-006',
  name: 'data-lost-on-round-trip',
  title: 'Rows do not survive an up → down round trip',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'With seeded rows, an up that drops a column and a down that re-adds it gives back the column but not its values; a rollback after such a deploy silently loses data.',
  fix: 'Keep the data (copy it aside in the up, restore it in the down) or split the change into expand and contract releases.'
}

export const DRILL_RULES: readonly RuleMeta[] = [
  UP_FAILS,
  DOWN_FAILS,
  FULL_CYCLE_DIFFERS,
  DOWN_DOES_NOT_RESTORE,
  DRILL_INCONCLUSIVE,
  DATA_LOSS
]
