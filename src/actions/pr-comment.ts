import * as core from '@actions/core'
import * as github from '@actions/github'
import { COMMENT_MAX_CHARS } from '../core/summary.js'

const MARKER = '<!-- deploy-gates:sticky-comment -->'

/**
 * One sticky pull-request comment, updated in place on each run. On a fork's
 * pull request the token is read-only: skip with a notice, the job summary
 * stays the main report.
 */
export async function upsertPullRequestComment(token: string, body: string): Promise<void> {
  const { context } = github
  const pr = context.payload.pull_request
  if (!pr) {
    core.info('comment-on-pr: not a pull_request event, no comment written')
    return
  }
  const headRepo = (pr.head as { repo?: { full_name?: string } } | undefined)?.repo?.full_name
  if (headRepo && headRepo !== `${context.repo.owner}/${context.repo.repo}`) {
    core.notice('comment-on-pr: pull request from a fork has a read-only token; see the job summary instead')
    return
  }
  const text = `${MARKER}\n${body}`.slice(0, COMMENT_MAX_CHARS)
  const octokit = github.getOctokit(token)
  const params = { owner: context.repo.owner, repo: context.repo.repo, issue_number: pr.number as number }
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...params, per_page: 100 })
    const mine = comments.find(c => c.body?.startsWith(MARKER))
    if (mine) await octokit.rest.issues.updateComment({ owner: params.owner, repo: params.repo, comment_id: mine.id, body: text })
    else await octokit.rest.issues.createComment({ ...params, body: text })
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404) {
      core.notice(`comment-on-pr: the token cannot write comments (HTTP ${status}); grant pull-requests: write. The job summary holds the report.`)
      return
    }
    throw error
  }
}
