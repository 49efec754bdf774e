import { privilegedTriggersOfJob } from '../triggers.js'
import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-004',
  name: 'personal-access-token',
  title: 'Personal access token used in CI',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'A PAT acts as a person across every repository that person can reach, usually for a year or more; it survives the job and the person leaving. The seed table ranks it last: avoid in CI/CD. Severity rises to high when a privileged trigger can reach the token.',
  fix: 'Use the job\'s GITHUB_TOKEN with the narrowest `permissions:`, or a GitHub App installation token (actions/create-github-app-token) scoped to the repositories the job needs; then revoke the PAT.',
  anchors: { seed: 'Personal access tokens: avoid in CI/CD' },
  check: ctx =>
    authFindings(rule, ctx, (use, job, place) => {
      const privileged = job ? privilegedTriggersOfJob(ctx.file, job) : []
      return {
        message:
          `${place} uses a personal access token${secretList(use)}: ${use.method}.` +
          (privileged.length > 0 ? ` The workflow runs on \`${privileged.map(t => t.name).join('`, `')}\`, where outside contributors can start it.` : ''),
        ...(privileged.length > 0 && { severity: 'high' as const }),
        fix:
          'Use `${{ secrets.GITHUB_TOKEN }}` with job-level `permissions:` granting only the scopes needed, or mint a short-lived app token:\n' +
          '- id: app-token\n  uses: actions/create-github-app-token@<full-sha> # v2\n  with:\n    app-id: ${{ vars.APP_ID }}\n    private-key: ${{ secrets.APP_PRIVATE_KEY }}\n' +
          'and pass `${{ steps.app-token.outputs.token }}` instead; then revoke the PAT.'
      }
    })
}
