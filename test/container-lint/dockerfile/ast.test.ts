import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast'
import { LEAN_PARSER, parseDockerfileAst } from '../../../src/container-lint/dockerfile/ast.js'
import { buildModel } from '../../../src/container-lint/dockerfile/model.js'

/** What the model reads from dockerfile-ast: boundaries, keywords, comments, directives, escape. */
function shape(df: Dockerfile): unknown {
  const r = (x: { getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
    const { start, end } = x.getRange()
    return [start.line, start.character, end.line, end.character]
  }
  return {
    escape: df.getEscapeCharacter(),
    directives: df.getDirectives().map((d) => [r(d), d.getDirective(), d.getValue()]),
    comments: df.getComments().map((c) => [r(c), c.getContent()]),
    instructions: df.getInstructions().map((i) => [r(i), i.getKeyword(), i.getInstruction()])
  }
}

// Parsing pitfalls where a cheaper parse could draw a different boundary.
const PITFALLS: Record<string, string> = {
  'heredoc RUN': 'FROM alpine\nRUN <<EOF\nFROM not-an-instruction\nEOF\nUSER 1\n',
  'heredoc with flags before it': 'FROM alpine\nRUN --mount=type=cache,target=/c <<EOF bash -e\napk add x\nEOF\n',
  'flag value containing <': 'FROM alpine\nRUN --mount=type=secret,id=a<<b echo hi\nUSER 1\n',
  'two heredocs, tab-stripped': 'FROM alpine\nCOPY <<-A <<B /dst/\n\tone\n\tA\ntwo\nB\nCMD x\n',
  'COPY heredoc': 'FROM alpine\nCOPY <<EOF /etc/app.conf\nRUN not-run\nEOF\n',
  'ONBUILD heredoc': 'FROM alpine\nONBUILD RUN <<EOF\nUSER root\nEOF\nUSER 1\n',
  'ONBUILD plain': 'FROM alpine\nONBUILD COPY . /app\nonbuild run echo hi\n',
  'heredoc marker split by a continuation': 'FROM alpine\nRUN cat <\\\n<EOF\nUSER root\nEOF\n',
  'JSON form mentioning <<': 'FROM alpine\nRUN ["cat", "<<EOF"]\nUSER root\nEOF\n',
  'less-than in shell text': 'FROM alpine\nRUN test 1 -lt 2 && sort < in > out\nCMD ["a<b"]\n',
  'escape directive and backtick continuation': '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ && `\n  # note\n  echo <<done\nWORKDIR C:\\app\n',
  'comments inside continuation': 'FROM debian\nRUN apt-get update && \\\n  # c1\n\n  apt-get install -y x\nUSER 1\n',
  'continuation with trailing blanks': 'FROM debian\nRUN echo a \\   \n  b\nEXPOSE 80\n',
  'CRLF and BOM': '\ufeff# syntax=docker/dockerfile:1\r\nFROM alpine\r\nRUN <<EOF\r\necho x\r\nEOF\r\nUSER 1\r\n',
  'unterminated heredoc': 'FROM alpine\nRUN <<EOF\necho x\n',
  'lower-case keywords and odd words': 'from alpine as b\nrun echo hi\nhealthcheck --interval=5s CMD true\nfoo bar\n',
  'ignore pragma as a first-line directive': '# container-lint ignore=CL-DF-003\nFROM alpine:latest\n',
  'EOF without newline': 'FROM alpine\nRUN echo <<<"here string"'
}

describe('lean dockerfile-ast parse', () => {
  it('is active (the library internals it relies on are present)', () => {
    expect(LEAN_PARSER).toBe(true)
  })

  for (const [name, text] of Object.entries(PITFALLS)) {
    it(`draws the same boundaries as DockerfileParser.parse: ${name}`, () => {
      expect(shape(parseDockerfileAst(text))).toEqual(shape(DockerfileParser.parse(text)))
    })
  }

  it('draws the same boundaries on random Dockerfile-like text', () => {
    const fragment = fc.constantFrom(
      'FROM', 'RUN', 'run', 'COPY', 'ONBUILD', 'x', ' ', '\t', '\n', '\n', '\r\n', '\\', '\\\n', '`', '`\n', '# escape=`', '#',
      '<', '<<EOF', '<<-EOF', '<<"EOF"', 'EOF', '\tEOF', '--mount=a<<b', '["<<EOF"]', '\ufeff'
    )
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        return JSON.stringify(shape(parseDockerfileAst(text))) === JSON.stringify(shape(DockerfileParser.parse(text)))
      }),
      { numRuns: 400 }
    )
  })

  it('keeps heredoc bodies out of the instruction list', () => {
    const m = buildModel(PITFALLS['heredoc RUN'] as string)
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER'])
    expect(m.instructions[1]?.heredocs[0]?.body).toBe('FROM not-an-instruction')
  })

  it('is reusable: a file parsed after another is not affected by it', () => {
    const first = shape(parseDockerfileAst(PITFALLS['escape directive and backtick continuation'] as string))
    const plain = PITFALLS['comments inside continuation'] as string
    expect(shape(parseDockerfileAst(plain))).toEqual(shape(DockerfileParser.parse(plain)))
    expect(shape(parseDockerfileAst(PITFALLS['escape directive and backtick continuation'] as string))).toEqual(first)
  })
})
