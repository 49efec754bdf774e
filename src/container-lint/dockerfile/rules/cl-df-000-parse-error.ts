import type { DockerfileRule } from '../types.js'

export const rule: DockerfileRule = {
  id: 'CL-DF-000',
  name: 'parse-error',
  title: 'Dockerfile cannot be parsed',
  severity: 'high',
  kind: 'misconfiguration',
  rationale:
    'A file that does not parse as a Dockerfile (unknown instruction, broken continuation or heredoc, no FROM, binary content) would fail the build, and any linter that silently skips it reports a clean result for a file nobody checked.',
  fix: 'Fix the syntax at the reported line (often a missing "\\" continuation or an unterminated heredoc), or exclude the file if it is not a Dockerfile.',
  anchors: { hadolint: 'parse error', docker: 'build syntax error' },
  check(model) {
    return model.problems.map((p) => ({ line: p.line, message: p.message, key: p.message }))
  }
}
