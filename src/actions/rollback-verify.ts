import '../runtime/esm-dirname.js'
import * as core from '@actions/core'
import { UserError } from '../core/errors.js'
import { ANALYZE_KEYS } from '../rollback-verify/analyze/options.js'
import { ROLLBACK_VERIFY_MODES, runRollbackVerify, type RollbackVerifyMode } from '../rollback-verify/index.js'
import { listInput, runAction } from './common.js'

await runAction('rollback-verify', async ctx => {
  const mode = core.getInput('mode').trim() || 'check'
  if (!(ROLLBACK_VERIFY_MODES as readonly string[]).includes(mode)) {
    throw new UserError(`mode: "${mode}" is not one of ${ROLLBACK_VERIFY_MODES.join(', ')}`)
  }
  const databaseUrl = core.getInput('database-url')
  if (databaseUrl) core.setSecret(databaseUrl) // it usually carries a password
  const inputs: Record<string, string> = Object.fromEntries(ANALYZE_KEYS.map(key => [key, core.getInput(key)]))
  inputs.seed = core.getInput('seed')
  return runRollbackVerify(ctx, {
    mode: mode as RollbackVerifyMode,
    paths: listInput('paths'),
    migrationsDir: core.getInput('migrations-dir'),
    baseRef: core.getInput('base-ref'),
    databaseUrl,
    inputs
  })
})
