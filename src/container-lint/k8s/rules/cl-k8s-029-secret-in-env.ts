import { isObj, lineOf, list, str } from '../model.js'
import type { K8sRule } from '../rule.js'
import { containerWord, eachContainer } from './support.js'

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL/i
/** Names that contain a secret word but hold no secret. */
const HARMLESS_NAME = /(_FILE|_PATH|_DIR|_NAME|_URL|_ENDPOINT|_HEADER|_TTL|_EXPIR\w*|_LENGTH|_LIFETIME)$/i

export const rule: K8sRule = {
  id: 'CL-K8S-029',
  name: 'secret-in-env',
  title: 'Secret-like environment variable has a literal value',
  severity: 'high',
  kind: 'secret',
  rationale: 'A literal value in the manifest is stored in Git, in the API server, and shown by `kubectl describe`; anyone with read access to either sees the secret.',
  fix: 'Move the value to a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file).',
  anchors: { trivy: 'KSV-0109 (ConfigMaps)', 'kube-linter': 'env-var-secret', polaris: 'sensitiveContainerEnvVar' },
  check(o, ctx) {
    eachContainer(o, c => {
      for (const env of list(c.raw.env)) {
        if (!isObj(env)) continue
        const name = str(env.name) ?? ''
        const value = env.value
        if (!SECRET_NAME.test(name) || HARMLESS_NAME.test(name)) continue
        if (value === undefined || value === null || value === '') continue
        // $(OTHER_VAR) references another variable; it does not bake a value in.
        if (typeof value === 'string' && /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value.trim())) continue
        ctx.report({ line: lineOf(env, 'value'), container: c.name, key: name, message: `${containerWord(c)} sets ${name} to a literal value` })
      }
    })
  }
}
