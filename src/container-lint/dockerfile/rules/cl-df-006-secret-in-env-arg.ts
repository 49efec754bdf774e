import { properties } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

/** Name words that mark a secret (matched on _-separated parts of the name). */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|CREDENTIALS?|(?:API|ACCESS|PRIVATE|SECRET|ENCRYPTION|SIGNING|MASTER|CLIENT)_?KEY)(?:_|$)/
/** Names that only point at a secret or are public by nature. */
const NOT_SECRET = /(?:^|_)(?:FILE|PATH|DIR|PUBLIC|PUB|GPG|FINGERPRINT|URL|ENDPOINT|NAME|ID|LENGTH|TYPE|HEADER|SECRETS_DIR)$|(?:^|_)PUBLIC(?:_|$)/

export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase().replace(/-/g, '_')
  return SECRET_NAME.test(upper) && !NOT_SECRET.test(upper)
}

export const rule: DockerfileRule = {
  id: 'CL-DF-006',
  name: 'secret-in-env-arg',
  title: 'Secret passed through ENV or ARG',
  severity: 'high',
  kind: 'secret',
  rationale:
    'ENV values are stored in the image config and ARG values in the build history (`docker history`), so a password or token given this way ships with every copy of the image. A literal value is a leaked secret; a bare ARG still leaks the value passed with --build-arg.',
  fix: 'Use a BuildKit secret mount: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` and `docker build --secret id=npm_token,env=NPM_TOKEN`; inject runtime secrets from the orchestrator, not the image.',
  anchors: { hadolint: 'DL3064', trivy: 'DS-0031', avd: 'AVD-DS-0031', dockle: 'CIS-DI-0010', docker: 'SecretsUsedInArgOrEnv' },
  check(model) {
    const hits: RuleHit[] = []
    for (const ins of model.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue
      for (const p of properties(ins)) {
        if (!isSecretName(p.name)) continue
        const key = `${ins.keyword} ${p.name}`
        if (p.value !== undefined && p.value !== '') {
          hits.push({ line: ins.line, key, message: `${ins.keyword} ${p.name} bakes a secret value into the image ${ins.keyword === 'ENV' ? 'config' : 'history'}.` })
        } else if (ins.keyword === 'ARG') {
          hits.push({ line: ins.line, key, severity: 'medium', message: `ARG ${p.name} looks like a secret; build-arg values are visible in the image history.` })
        }
      }
    }
    return hits
  }
}
