import { report, type WorkflowRule } from '../rule.js'

export const rule: WorkflowRule = {
  id: 'OG-WF-014',
  name: 'cloud-job-without-environment',
  title: 'Cloud-credential job without a deployment environment',
  severity: 'info',
  kind: 'misconfiguration',
  rationale:
    'A job with `environment:` can be held by protection rules (reviewers, branch restrictions) and gets an environment-scoped OIDC subject (`repo:OWNER/REPO:environment:ENV`) that a trust policy can pin. Without it any branch that can run the job reaches the cloud role.',
  fix: 'Add `environment: <name>` to the job, protect the environment, and scope the cloud trust to `repo:OWNER/REPO:environment:<name>`.',
  anchors: { github: 'Security hardening: using environments' },
  check: ctx =>
    ctx.file.jobs.flatMap(job => {
      if (ctx.file.kind !== 'workflow' || job.environment) return []
      const cloud = ctx.analysis.auth.filter(a => a.jobId === job.id && a.cloud)
      if (cloud.length === 0) return []
      const providers = [...new Set(cloud.map(c => c.provider))]
      return [
        report(rule, ctx, {
          line: job.line,
          job,
          message: `Job \`${job.id}\` holds ${providers.join('/')} credentials but has no \`environment:\`, so no protection rule gates it and its OIDC subject is branch-based.`,
          fix: `Add an environment to the job and protect it:\n  ${job.id}:\n    environment: production\nthen scope the cloud trust policy to \`repo:OWNER/REPO:environment:production\`.`
        })
      ]
    })
}
