import { at, str } from '../../common/node.js'
import { existingTableCommands, hit, type SqlContext, type SqlHit } from '../context.js'

/** NOT VALID constraints of `contype` that are VALIDATEd in the same transaction they were added in. */
export function validatedInSameTransaction(ctx: SqlContext, contype: string): SqlHit[] {
  const added = new Map<string, number>()
  const hits: SqlHit[] = []
  existingTableCommands(ctx, (s, cmd, table) => {
    if (cmd.subtype === 'AT_AddConstraint' && str(at(cmd.def, 'Constraint', 'contype')) === contype && at(cmd.def, 'Constraint', 'skip_validation') === true) {
      const name = str(at(cmd.def, 'Constraint', 'conname'))
      if (name) added.set(`${table}.${name}`, s.index)
    }
    if (cmd.subtype !== 'AT_ValidateConstraint') return
    const name = str(cmd.name) ?? ''
    const addedAt = added.get(`${table}.${name}`)
    if (addedAt !== undefined && ctx.sameTransaction(addedAt, s.index)) {
      hits.push(hit(s, `Constraint ${name} is added NOT VALID and validated in the same transaction, so the locks are held for the whole validation anyway.`, `validate:${name}`))
    }
  })
  return hits
}
