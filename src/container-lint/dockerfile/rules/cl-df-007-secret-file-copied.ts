import type { Instruction } from '../model.js'
import type { DockerfileRule, RuleHit } from '../types.js'

const SECRET_FILE =
  /(?:^|\/)(?:\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?|id_(?:rsa|dsa|ecdsa|ed25519)(?!\.pub$)[^/]*|\.npmrc|\.netrc|\.pypirc|\.git-credentials|kubeconfig|\.kube\/config|credentials\.json|\.aws\/credentials|\.docker\/config\.json|[^/]+\.(?:p12|pfx|jks|keystore))$/i
const KEY_FILE = /(?:^|\/)([^/]+)\.(?:pem|key)$/i
/** Certificates and public keys are commonly shipped on purpose. */
const PUBLIC_KEY_NAME = /(?:^|[._-])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public|root)(?:[._-]|$)/i

export function isSecretFile(path: string): boolean {
  const p = path.replace(/\/+$/, '')
  if (SECRET_FILE.test(p)) return true
  const m = KEY_FILE.exec(p)
  return m !== null && !PUBLIC_KEY_NAME.test(m[1] as string)
}

function sourcesAndDest(ins: Instruction): { sources: string[]; dest: string | undefined } {
  const words = ins.json ?? ins.words
  const dest = words[words.length - 1]
  return { sources: words.slice(0, -1).filter((w) => !w.startsWith('<<')), dest }
}

export const rule: DockerfileRule = {
  id: 'CL-DF-007',
  name: 'secret-file-copied',
  title: 'Secret file copied into the image',
  severity: 'high',
  kind: 'secret',
  rationale:
    'Files such as .env, SSH private keys, .npmrc/.netrc/.pypirc, kubeconfig or cloud credentials copied with COPY/ADD stay in an image layer even if a later RUN deletes them. In builder stages they still persist in the build cache and intermediate images.',
  fix: 'Mount the file only for the step that needs it: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, and list such files in .dockerignore.',
  anchors: { trivy: 'DS-0031', avd: 'AVD-DS-0031', dockle: 'CIS-DI-0010' },
  check(model) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue
        const { sources, dest } = sourcesAndDest(ins)
        const bad = sources.filter(isSecretFile)
        if (ins.heredocs.length > 0 && dest !== undefined && isSecretFile(dest)) bad.push(dest)
        if (bad.length === 0) continue
        const where = stage.runtime ? 'the image' : `builder stage ${stage.name ?? stage.index} (it persists in the build cache)`
        hits.push({
          line: ins.line,
          message: `${ins.keyword} puts secret file${bad.length > 1 ? 's' : ''} ${bad.join(', ')} into ${where}.`,
          ...(stage.runtime ? {} : { severity: 'medium' as const })
        })
      }
    }
    return hits
  }
}
