import { at } from '../../common/node.js'
import { hit, type SqlRule } from '../context.js'
import { alterCommands, optionNames } from '../names.js'

export const rule: SqlRule = {
  id: 'RV-SQL-021',
  name: 'table-rewrite-maintenance',
  title: 'VACUUM FULL, CLUSTER, REINDEX or DETACH PARTITION without CONCURRENTLY',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale: 'These commands hold an ACCESS EXCLUSIVE lock for the whole rewrite or detach; in a deploy that is an outage of the table.',
  fix: 'Use REINDEX … CONCURRENTLY / DETACH PARTITION … CONCURRENTLY, or pg_repack instead of VACUUM FULL / CLUSTER, outside the deploy.',
  anchors: { squawk: 'prefer-repack', eugene: 'E10' },
  check(ctx) {
    return ctx.statements.flatMap(s => {
      if (s.kind === 'VacuumStmt' && optionNames(s.node.options).includes('full')) return [hit(s, 'VACUUM FULL rewrites the table under an exclusive lock.')]
      if (s.kind === 'ClusterStmt') return [hit(s, 'CLUSTER rewrites the table under an exclusive lock.')]
      if (s.kind === 'ReindexStmt' && !optionNames(s.node.params).includes('concurrently')) return [hit(s, 'REINDEX without CONCURRENTLY blocks writes (and reads using the index).')]
      if (s.kind === 'AlterTableStmt') {
        const detach = alterCommands(s.node).find(c => c.subtype === 'AT_DetachPartition' && at(c.def, 'PartitionCmd', 'concurrent') !== true)
        if (detach) return [hit(s, 'DETACH PARTITION without CONCURRENTLY locks the parent table exclusively.')]
      }
      return []
    })
  }
}
