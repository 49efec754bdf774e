import { describe, expect, it } from 'vitest'
import { inventory, type AuthUse } from '../../../src/oidc-guard/workflow/auth.js'
import { parseWorkflowFile } from '../../../src/oidc-guard/workflow/model.js'
import { fixture } from '../helpers.js'

function rows(name: string): string[] {
  return inventory(parseWorkflowFile(fixture(name), name)).map(describeRow)
}

function describeRow(a: AuthUse): string {
  return `${a.jobId}:${a.authClass}:${a.provider}:${a.ruleId ?? '-'}${a.idToken ? `:${a.idToken}` : ''}@${a.line}`
}

describe('authentication inventory', () => {
  it('classifies registry logins', () => {
    expect(rows('registry-logins.yml')).toEqual([
      'push:stored-secret:registry docker.io:OG-WF-005@16',
      'push:short-lived:registry ghcr.io:-@22',
      'push:pat:registry ghcr.io:OG-WF-004@28',
      'push:stored-secret:AWS:OG-WF-001@34',
      'push:stored-secret:container registry:OG-WF-005@38'
    ])
  })

  it('classifies cloud logins: keys vs federation', () => {
    expect(rows('gcp-azure-keys.yml')).toEqual([
      'gcp:stored-secret:GCP:OG-WF-002@14',
      'azure:stored-secret:Azure:OG-WF-003@21',
      'azure:stored-secret:Azure:OG-WF-003@25',
      'gcp-oidc:oidc:GCP:-:required@33',
      'azure-oidc:oidc:Azure:-:required@41'
    ])
    expect(rows('aws-oidc-good.yml')).toEqual(['deploy:oidc:AWS:-:required@23'])
  })

  it('classifies publishing: tokens, GitHub Packages, trusted publishing, provenance', () => {
    expect(rows('publish-tokens.yml')).toEqual([
      'pypi-token:stored-secret:PyPI:OG-WF-006@13',
      'npm-token:stored-secret:npm:OG-WF-006@22',
      'github-packages:short-lived:GitHub:-@34',
      'pypi-trusted:oidc:PyPI:-:required@41',
      'npm-provenance-missing-permission:oidc:npm:-:required@46'
    ])
  })

  it('classifies Vault methods and PATs', () => {
    expect(rows('vault.yml')).toEqual(['token:stored-secret:Vault:OG-WF-007@11', 'jwt:oidc:Vault:-:required@23'])
    expect(rows('prt-secrets.yml')).toEqual(['merge:pat:GitHub:OG-WF-004@14'])
  })

  it('does not treat a codecov-style `token:` input as a GitHub PAT, but does for github-token', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: codecov/codecov-action@v4\n        with:\n          token: \${{ secrets.CODECOV_TOKEN }}\n      - uses: acme/bot@v1\n        with:\n          github-token: \${{ secrets.BOT_TOKEN }}\n`
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual(['a:stored-secret:other:-@8', 'a:pat:GitHub:OG-WF-004@11'])
  })

  it('lists a generic secret once per job, workflow env rows under the empty job id', () => {
    const text = `on: push\nenv:\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo \${{ secrets.SLACK }}\n      - run: echo \${{ secrets.SLACK }}\n`
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual([':stored-secret:npm:OG-WF-006@3', 'a:stored-secret:other:-@8'])
  })

  it('recognises run-step OIDC consumers', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          curl -sH "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=x"\n      - run: cosign sign --yes ghcr.io/acme/app@sha256:abc\n      - run: cosign sign --key env://KEY ghcr.io/acme/app@sha256:abc\n`
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual(['a:oidc:custom:-:required@7', 'a:oidc:Sigstore:-:required@8'])
  })

  it('reads container and service registry credentials', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: x\n    container:\n      image: ghcr.io/acme/ci\n      credentials:\n        username: u\n        password: \${{ secrets.GITHUB_TOKEN }}\n    services:\n      db:\n        image: quay.io/acme/db\n        credentials:\n          username: u\n          password: \${{ secrets.QUAY_PASSWORD }}\n`
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual(['a:short-lived:container registry:-@9', 'a:stored-secret:container registry:OG-WF-005@15'])
  })
})

describe('registries without trusted publishing are not OG-WF-006', () => {
  it('pypi-publish to a private index and rubygems credentials for another gem server', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - uses: pypa/gh-action-pypi-publish@release/v1',
      '        with:',
      '          password: ${{ secrets.INDEX_TOKEN }}',
      '          repository-url: https://pypi.internal.example/legacy/',
      '      - uses: rubygems/configure-rubygems-credentials@v1',
      '        with:',
      '          api-token: ${{ secrets.GEMS_TOKEN }}',
      '          gem-server: https://gems.internal.example',
      '      - uses: rubygems/configure-rubygems-credentials@v1',
      '        with:',
      '          api-token: ${{ secrets.RUBYGEMS_API_TOKEN }}',
      '      - run: bun publish --dry-run',
      '      - run: bun publish'
    ].join('\n')
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual([
      'a:stored-secret:package index:-@8',
      'a:stored-secret:gem server:-@12',
      'a:stored-secret:RubyGems:OG-WF-006@16',
      'a:oidc:npm:-:possible@18'
    ])
  })
})

describe('oidc-guard itself', () => {
  it('counts the verify-token step as an OIDC consumer (remote and local), the audit mode not', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - uses: deploy-gates/deploy-gates/actions/oidc-guard@v1',
      '        with: { mode: verify-token, audience: sts.amazonaws.com }',
      '      - uses: ./actions/oidc-guard',
      '        with: { mode: verify-token }',
      '      - uses: ./actions/oidc-guard',
      '        with: { mode: audit }'
    ].join('\n')
    expect(inventory(parseWorkflowFile(text, 'a.yml')).map(describeRow)).toEqual(['a:oidc:deploy-gates:-:required@6', 'a:oidc:deploy-gates:-:required@8'])
  })
})
