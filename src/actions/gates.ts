import '../runtime/esm-dirname.js'
import * as core from '@actions/core'
import { gatesOptionsFromConfig, parseFormat, parseSecretSeverity, runGates } from '../gates/index.js'
import { flagInput, listInput, runAction } from './common.js'
import { upsertPullRequestComment } from './pr-comment.js'

await runAction(
  'gates',
  async ctx =>
    runGates(
      ctx,
      gatesOptionsFromConfig(ctx, {
        reports: listInput('reports'),
        format: parseFormat(core.getInput('format')),
        allowMissing: flagInput('allow-missing'),
        secretSeverity: parseSecretSeverity(core.getInput('secret-severity')),
        baseline: core.getInput('baseline'),
        newOnly: flagInput('new-only')
      })
    ),
  {
    afterReport: async (_report, summary) => {
      if (flagInput('comment-on-pr') !== true) return
      const token = core.getInput('github-token')
      if (token) core.setSecret(token)
      await upsertPullRequestComment(token, summary)
    }
  }
)
