import { open, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import picomatch from 'picomatch'
import { glob } from 'tinyglobby'
import type { RunContext } from '../core/context.js'
import { errorMessage, InputFileError } from '../core/errors.js'
import { fingerprintOf, type Finding } from '../core/finding.js'
import { displayPath, readTextInput } from '../core/files.js'
import type { InputError, ScanResult } from '../core/result.js'
import { ruleDocsUrl } from '../core/rule.js'
import { loadSettings, type ContainerLintSettings } from './config.js'
import { DOCKERFILE_RULES, isDockerfilePath, lintDockerfile } from './dockerfile/lint.js'
import { lintManifests, parseFinding } from './k8s/lint.js'
import { parseManifestFile, type ManifestFile } from './k8s/model.js'

export { loadSettings, CONTAINER_LINT_SCHEMA } from './config.js'
export { allRules } from './rules.js'

export const COMMAND = 'container-lint'
/** Larger files are refused: no real Dockerfile or manifest comes close, and parsing one would stall the run. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

const MANIFEST_EXT = /\.(ya?ml|json)$/i
const GLOB_CHARS = /[*?[\]{}]/
const LOOKS_K8S = /(^|\n)\s*["']?(apiVersion|kind)["']?\s*:/

export interface ContainerLintOptions {
  /** Files, directories or globs; an explicit file is always linted whatever its name. */
  paths: string[]
}

interface Candidate {
  path: string
  explicit: boolean
  type: 'dockerfile' | 'manifest'
}

export function isManifestPath(path: string): boolean {
  return MANIFEST_EXT.test(path)
}

/**
 * Lints Dockerfiles and Kubernetes manifests under `paths`. Manifests are
 * linted together, so cross-object rules (NetworkPolicy coverage, Services,
 * ServiceAccounts) see every file. A file that cannot be read or parsed is a
 * CL-DF-000 / CL-K8S-000 finding and never hides the others.
 */
export async function runContainerLint(ctx: RunContext, options: ContainerLintOptions): Promise<ScanResult> {
  const settings = loadSettings(ctx.config)
  const roots = options.paths.map(p => p.trim()).filter(Boolean)
  const { candidates, errors } = await discover(roots.length > 0 ? roots : ['.'], ctx.workspace, settings)
  const findings: Finding[] = []
  const notices: string[] = []
  const inputs: string[] = []
  const manifests: ManifestFile[] = []
  const dockerOptions = {
    isEnabled: settings.isEnabled,
    ...(settings.allowedRegistries && { allowedRegistries: settings.allowedRegistries }),
    ...(settings.minimalBaseImages && { minimalBaseImages: settings.minimalBaseImages })
  }

  const texts = await readAll(candidates, ctx)
  for (const [index, c] of candidates.entries()) {
    const read = texts[index]!
    if (!read.ok) {
      const handled = await unreadable(c, read.error, ctx)
      if (handled.finding) {
        findings.push(handled.finding)
        inputs.push(c.path)
      }
      if (handled.notice) notices.push(handled.notice)
      continue
    }
    if (c.type === 'dockerfile') {
      inputs.push(c.path)
      findings.push(...lintDockerfile(read.text, c.path, dockerOptions))
      continue
    }
    if (!c.explicit && read.text.includes('{{')) {
      // Raw Helm/Go templates are not manifests yet; their rendered output is what gets deployed.
      if (LOOKS_K8S.test(read.text)) notices.push(`${c.path}: skipped an unrendered template ({{ … }}); lint the output of \`helm template\` instead`)
      continue
    }
    const file = parseManifestFile(read.text, c.path, { explicit: c.explicit })
    if (file.looksLikeKubernetes) {
      inputs.push(c.path)
      manifests.push(file)
    } else if (c.explicit) {
      notices.push(`${c.path}: no Kubernetes object found (YAML without apiVersion/kind is skipped)`)
    }
  }
  const k8s = lintManifests(manifests, { isEnabled: settings.isEnabled })
  findings.push(...k8s.findings)
  notices.push(...k8s.notices)

  return {
    command: COMMAND,
    findings: findings.map(f => regrade(f, settings)),
    errors,
    inputs,
    notices,
    sections: [summarySection(candidates, inputs, manifests)]
  }
}

function regrade(finding: Finding, settings: ContainerLintSettings): Finding {
  const severity = settings.severityOverride(finding.ruleId)
  return severity && severity !== finding.severity ? { ...finding, severity } : finding
}

async function discover(
  roots: string[],
  workspace: string,
  settings: ContainerLintSettings
): Promise<{ candidates: Candidate[]; errors: InputError[] }> {
  const byPath = new Map<string, Candidate>()
  const errors: InputError[] = []
  const include = settings.include.length > 0 ? picomatch(settings.include, { dot: true }) : undefined
  const exclude = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : undefined
  const typeOf = (path: string): Candidate['type'] | undefined =>
    isDockerfilePath(path) ? 'dockerfile' : isManifestPath(path) ? 'manifest' : undefined
  const add = (path: string, explicit: boolean): void => {
    const shown = displayPath(workspace, path)
    const type = typeOf(shown) ?? (explicit ? guessType(shown) : undefined)
    if (!type) return
    if (!explicit && ((include && !include(shown)) || (exclude && exclude(shown)))) return
    const existing = byPath.get(shown)
    byPath.set(shown, { path: shown, explicit: explicit || (existing?.explicit ?? false), type })
  }
  for (const root of roots) {
    const abs = resolve(workspace, root)
    const info = await stat(abs).catch(() => undefined)
    if (info?.isFile()) {
      add(root, true)
    } else if (info?.isDirectory()) {
      const matches = await glob('**/*', { cwd: abs, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })
      for (const m of matches) add(resolve(abs, m), false)
    } else if (GLOB_CHARS.test(root)) {
      const matches = await glob(root, { cwd: workspace, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })
      if (matches.length === 0) errors.push({ path: root, message: 'glob matched no file' })
      // Glob matches are discovered files (filters and template skipping apply); only a named file is explicit.
      for (const m of matches) add(m, false)
    } else {
      errors.push({ path: root, message: info ? 'not a regular file or directory' : 'file or directory not found' })
    }
  }
  return { candidates: [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)), errors }
}

/** An explicitly named file with an unusual name: YAML/JSON if it says apiVersion/kind, else a Dockerfile. */
function guessType(path: string): Candidate['type'] {
  return /\.(txt|conf|cfg|manifest|k8s)$/i.test(path) ? 'manifest' : 'dockerfile'
}

type ReadResult = { ok: true; text: string } | { ok: false; error: unknown }

/** Reads with a little parallelism (file I/O dominates small files); results keep the candidates' order. */
async function readAll(candidates: Candidate[], ctx: RunContext): Promise<ReadResult[]> {
  const out: ReadResult[] = new Array<ReadResult>(candidates.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < candidates.length) {
      const i = next++
      const c = candidates[i]!
      try {
        let text = await readTextInput(c.path, { workspace: ctx.workspace, allowOutside: ctx.allowOutside ?? false, maxBytes: MAX_FILE_BYTES })
        if (c.explicit && c.type === 'dockerfile' && !isDockerfilePath(c.path) && LOOKS_K8S.test(text.slice(0, 4096)) && !/^\s*FROM\s/im.test(text)) {
          // An explicit file with an odd name that is really a manifest.
          candidates[i] = { ...c, type: 'manifest' }
        }
        text = text.replace(/\r\n?/g, '\n')
        out[i] = { ok: true, text }
      } catch (error) {
        out[i] = { ok: false, error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(16, candidates.length) }, worker))
  return out
}

/**
 * A file that could not be read. Dockerfiles and explicit files always yield a
 * X-000 finding. A discovered YAML/JSON file yields one only if it looks like
 * a manifest: an empty values.yaml or a huge data JSON is not ours to judge.
 */
async function unreadable(c: Candidate, error: unknown, ctx: RunContext): Promise<{ finding?: Finding; notice?: string }> {
  const reason = error instanceof InputFileError ? error.reason : errorMessage(error)
  if (c.type === 'manifest' && !c.explicit) {
    if (/empty/.test(reason)) return {}
    const head = await readHead(resolve(ctx.workspace, c.path))
    if (!LOOKS_K8S.test(head)) return { notice: `${c.path}: skipped (${reason})` }
  }
  if (c.type === 'manifest') return { finding: parseFinding(c.path, 1, `cannot lint this file: ${reason}`) }
  const rule = DOCKERFILE_RULES.find(r => r.id === 'CL-DF-000')
  return {
    finding: {
      source: COMMAND,
      ruleId: 'CL-DF-000',
      ruleName: rule?.name ?? 'parse-error',
      severity: rule?.severity ?? 'high',
      title: rule?.title ?? 'Dockerfile cannot be parsed',
      message: `${c.path}: cannot lint this file: ${reason}`,
      path: c.path,
      line: 1,
      fingerprint: fingerprintOf('CL-DF-000', c.path, reason),
      helpUri: ruleDocsUrl(COMMAND, 'CL-DF-000'),
      kind: rule?.kind ?? 'misconfiguration',
      fix: 'Make the file a readable text Dockerfile (UTF-8, under 10 MB), or exclude it with container-lint.exclude.'
    }
  }
}

async function readHead(abs: string): Promise<string> {
  const handle = await open(abs, 'r').catch(() => undefined)
  if (!handle) return ''
  try {
    const buffer = Buffer.alloc(65536)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

function summarySection(candidates: Candidate[], inputs: string[], manifests: ManifestFile[]): { title: string; markdown: string } {
  const dockerfiles = candidates.filter(c => c.type === 'dockerfile').length
  const objects = manifests.reduce((n, m) => n + m.objects.length, 0)
  const skipped = candidates.length - inputs.length
  return {
    title: 'container-lint inputs',
    markdown: `| Dockerfiles | Manifest files | Kubernetes objects | Files skipped (not Kubernetes / empty) |\n|---|---|---|---|\n| ${dockerfiles} | ${manifests.length} | ${objects} | ${skipped} |\n`
  }
}
