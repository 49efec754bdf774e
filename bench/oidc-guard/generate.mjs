// Deterministic corpus of GitHub workflow files for the oidc-guard benchmark: the test fixtures with small
// substitutions, plus workflows composed from the fixtures' building blocks (triggers, permission forms, auth steps,
// privileged checkouts, reusable calls, long run scripts). Same seed → same files.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/oidc-guard')
const BROKEN = new Set(['malformed.yml', 'structural-errors.yml', 'duplicate-key.yml'])

function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SHA = i => (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(5).slice(0, 40)

const TRIGGERS = [
  'on: push',
  'on: [push, pull_request]',
  'on:\n  push:\n    branches: [main]\n  pull_request:\n    branches: [main]',
  'on:\n  pull_request_target:\n    types: [opened, synchronize]',
  'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]',
  'on:\n  issue_comment:\n    types: [created]',
  'on:\n  release:\n    types: [published]',
  'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: choice\n        options: [staging, production]',
  'on:\n  schedule:\n    - cron: "17 3 * * 1"',
  'on:\n  workflow_call:\n    secrets:\n      TOKEN:\n        required: true'
]

const PERMISSIONS = ['', 'permissions: read-all', 'permissions: write-all', 'permissions: {}', 'permissions:\n  contents: read', 'permissions:\n  contents: read\n  id-token: write', 'permissions:\n  contents: write\n  packages: write']

const STEPS = [
  i => `      - uses: actions/checkout@v4`,
  i => `      - uses: actions/checkout@${SHA(i)} # v4.2.2\n        with:\n          fetch-depth: 0\n          persist-credentials: false`,
  i => `      - uses: actions/setup-node@v4\n        with:\n          node-version: ${18 + (i % 4) * 2}\n          cache: npm`,
  i => `      - name: Install and test ${i}\n        run: |\n          npm ci\n          npm run lint\n          npm test -- --coverage\n          echo "done \${{ github.sha }}"`,
  i => `      - name: Configure AWS ${i}\n        uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::1234567890${i % 10}:role/deploy\n          aws-region: eu-west-1`,
  i => `      - uses: aws-actions/configure-aws-credentials@${SHA(i)} # v4\n        with:\n          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: us-east-1`,
  i => `      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/${i}/locations/global/workloadIdentityPools/gh/providers/gh\n          service_account: deploy@p${i}.iam.gserviceaccount.com`,
  i => `      - uses: google-github-actions/auth@v2\n        with:\n          credentials_json: \${{ secrets.GCP_SA_KEY_${i % 7} }}`,
  i => `      - uses: azure/login@v2\n        with:\n          creds: \${{ secrets.AZURE_CREDENTIALS }}`,
  i => `      - uses: azure/login@v2\n        with:\n          client-id: \${{ vars.AZURE_CLIENT_ID }}\n          tenant-id: \${{ vars.AZURE_TENANT_ID }}\n          subscription-id: \${{ vars.AZURE_SUBSCRIPTION_ID }}`,
  i => `      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: \${{ github.actor }}\n          password: \${{ secrets.GITHUB_TOKEN }}`,
  i => `      - uses: docker/login-action@v3\n        with:\n          username: acme\n          password: \${{ secrets.DOCKERHUB_TOKEN }}`,
  i => `      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/app:\${{ github.sha }}`,
  i => `      - uses: hashicorp/vault-action@v3\n        with:\n          url: https://vault.example.com\n          method: ${i % 2 ? 'jwt' : 'approle'}\n          roleId: \${{ secrets.VAULT_ROLE_ID }}\n          secretId: \${{ secrets.VAULT_SECRET_ID }}\n          secrets: secret/data/ci token | TOKEN`,
  i => `      - run: npm publish --provenance --access public`,
  i => `      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}`,
  i => `      - uses: pypa/gh-action-pypi-publish@release/v1`,
  i => `      - name: Comment\n        run: gh pr comment "$PR" --body "ok"\n        env:\n          PR: \${{ github.event.pull_request.html_url }}\n          GH_TOKEN: \${{ secrets.BOT_PAT }}`,
  i => `      - uses: actions/checkout@v4\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}`,
  i => `      - uses: snyk/actions/node@master\n        env:\n          SNYK_TOKEN: \${{ secrets.SNYK_TOKEN }}`,
  i => `      - uses: aquasecurity/trivy-action@0.${20 + (i % 9)}.0\n        with:\n          image-ref: app:\${{ github.sha }}\n          exit-code: '1'`,
  i => `      - name: Dump\n        run: echo "\${{ toJSON(secrets) }}" | wc -c`,
  i => `      - uses: actions/upload-artifact@v4\n        with:\n          name: dist-${i}\n          path: dist/`,
  i => `      - name: Long script ${i}\n        run: |\n${Array.from({ length: 12 }, (_, k) => `          echo "line ${k} for \${{ matrix.os }}" && test -f file${k} || true`).join('\n')}`
]

function composed(i, rand) {
  const pick = xs => xs[Math.floor(rand() * xs.length)]
  const jobs = []
  const jobCount = 1 + Math.floor(rand() * 4)
  for (let j = 0; j < jobCount; j++) {
    if (rand() < 0.1) {
      jobs.push(`  call-${j}:\n    uses: acme/platform/.github/workflows/deploy.yml@${rand() < 0.5 ? 'main' : SHA(i + j)}\n    secrets: ${rand() < 0.5 ? 'inherit' : `\n      TOKEN: \${{ secrets.DEPLOY_TOKEN }}`}`)
      continue
    }
    const steps = Array.from({ length: 3 + Math.floor(rand() * 8) }, (_, k) => pick(STEPS)(i * 31 + j * 7 + k))
    const perms = rand() < 0.4 ? `\n    permissions:\n      contents: read${rand() < 0.5 ? '\n      id-token: write' : ''}` : ''
    const env = rand() < 0.3 ? '\n    environment: production' : ''
    jobs.push(`  job-${j}:\n    runs-on: ubuntu-latest${env}${perms}\n    steps:\n${steps.join('\n')}`)
  }
  const perms = pick(PERMISSIONS)
  return `name: Generated ${i}\n${pick(TRIGGERS)}\n${perms ? `${perms}\n` : ''}jobs:\n${jobs.join('\n')}\n`
}

/** `count` workflow texts, about a fifth of them fixture variations. */
export function generate(count, seed = 20261121) {
  const rand = rng(seed)
  const fixtures = readdirSync(FIXTURES)
    .filter(f => f.endsWith('.yml') && !BROKEN.has(f))
    .map(f => readFileSync(join(FIXTURES, f), 'utf8'))
  const out = []
  for (let i = 0; i < count; i++) {
    if (i % 5 === 0) {
      const base = fixtures[(i / 5) % fixtures.length]
      out.push(base.replace(/@v(\d)\b/g, (_, v) => `@v${v}.${i % 7}`).replace(/secrets\.([A-Z_]+)/g, `secrets.$1_${i % 3}`))
    } else {
      out.push(composed(i, rand))
    }
  }
  return out
}
