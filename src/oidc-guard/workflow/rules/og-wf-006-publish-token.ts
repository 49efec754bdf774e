import type { WorkflowRule } from '../rule.js'
import { authFindings, secretList } from './auth-findings.js'

const HOWTO: Record<string, string> = {
  PyPI: 'add a trusted publisher for this workflow on pypi.org, grant `id-token: write` and use pypa/gh-action-pypi-publish without `password:` (or `uv publish --trusted-publishing always`)',
  npm: 'configure a trusted publisher for this workflow on npmjs.com, grant `id-token: write`, use npm ≥ 11.5 and run `npm publish --provenance` without NODE_AUTH_TOKEN',
  RubyGems: 'add a trusted publisher on rubygems.org, grant `id-token: write` and use rubygems/release-gem',
  'crates.io': 'add a trusted publisher on crates.io, grant `id-token: write` and use rust-lang/crates-io-auth-action to mint the token',
  NuGet: 'add a trusted publishing policy on nuget.org, grant `id-token: write` and use NuGet/login to exchange the OIDC token for a short-lived API key'
}

export const rule: WorkflowRule = {
  id: 'OG-WF-006',
  name: 'publish-token',
  title: 'Package published with a long-lived token where trusted publishing exists',
  severity: 'medium',
  kind: 'misconfiguration',
  rationale:
    'PyPI, npm, RubyGems, crates.io and NuGet accept short-lived tokens exchanged from the job\'s OIDC token ("trusted publishing"). A stored API token can publish any version from anywhere once it leaks.',
  fix: 'Register this workflow as a trusted publisher on the registry, grant the publishing job `id-token: write`, drop the token secret from the workflow and revoke it.',
  anchors: { zizmor: 'use-trusted-publishing' },
  check: ctx =>
    authFindings(rule, ctx, (use, _job, place) => ({
      message: `${place} publishes to ${use.provider} with a long-lived token${secretList(use)}.`,
      fix: `Use trusted publishing: ${HOWTO[use.provider] ?? 'register this workflow as a trusted publisher and grant `id-token: write`'}; then revoke the token.`
    }))
}
