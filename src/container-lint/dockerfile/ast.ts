/**
 * dockerfile-ast, asked for less work. The model reads only where instructions,
 * comments and directives are (keyword + line range); everything else it derives
 * from the source lines. dockerfile-ast's own scanner still decides those
 * boundaries (directives, continuations, comments inside them, heredoc extents),
 * but on a private Parser instance two steps are made cheap:
 *  - instructions are built as plain `Instruction`s: the typed classes (RUN, COPY,
 *    CMD…) tokenize and JSON-scan their arguments eagerly in the constructor,
 *    twice per instruction, which was ~45% of parse time and is never read here;
 *  - the heredoc search (which tokenizes the arguments again) is skipped when the
 *    instruction's text has no `<`: no argument can then start with `<<`.
 * Heredoc detection on a plain Instruction sees leading `--flags` as arguments
 * too; they start with `--`, never `<<`, so the result is the same.
 * If the library's internals ever change shape, this falls back to the public parser.
 */
import { DockerfileParser, Instruction, Onbuild, type Dockerfile } from 'dockerfile-ast'
import { Parser } from 'dockerfile-ast/lib/parser.js'

interface Position {
  line: number
  character: number
}
interface Range {
  start: Position
  end: Position
}
interface TextDocumentLike {
  positionAt(offset: number): Position
  offsetAt(position: Position): number
}
/** The private members of dockerfile-ast 0.7's Parser this module relies on. */
interface ParserInternals {
  document: TextDocumentLike
  buffer: string
  escapeChar: string
  parse(buffer: string): Dockerfile
  createInstruction(dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number): Instruction
  processHeredocs(instruction: Instruction, offset: number): number
}

function leanParser(): ParserInternals | undefined {
  const parser = new Parser() as unknown as ParserInternals
  const processHeredocs = parser.processHeredocs
  if (typeof parser.createInstruction !== 'function' || typeof processHeredocs !== 'function' || processHeredocs.length !== 2) return undefined
  parser.createInstruction = function (this: ParserInternals, dockerfile, keyword, start, instructionEnd, end) {
    const startPosition = this.document.positionAt(start)
    const instructionRange: Range = { start: startPosition, end: this.document.positionAt(instructionEnd) }
    const lineRange: Range = { start: startPosition, end: this.document.positionAt(end) }
    // first-letter test spares upper-casing (and flattening) every other keyword
    const Kind = (keyword.charCodeAt(0) | 0x20) === 0x6f && keyword.toUpperCase() === 'ONBUILD' ? Onbuild : Instruction
    // dockerfile-ast's own document and Dockerfile class, passed back to its own constructor
    const document = this.document as unknown as ConstructorParameters<typeof Instruction>[0]
    const owner = dockerfile as unknown as ConstructorParameters<typeof Instruction>[2]
    return new Kind(document, lineRange, owner, this.escapeChar, keyword, instructionRange)
  }
  parser.processHeredocs = function (this: ParserInternals, instruction, offset) {
    // scan only this instruction's text (an unbounded indexOf would make big files quadratic)
    const buffer = this.buffer
    for (let i = this.document.offsetAt(instruction.getRange().start); i < offset; i++) {
      if (buffer.charCodeAt(i) === 0x3c) return processHeredocs.call(this, instruction, offset)
    }
    return offset
  }
  return parser
}

const lean = leanParser()

/** Parses like `DockerfileParser.parse`; instructions carry keyword and ranges only (plain `Instruction`s). */
export function parseDockerfileAst(text: string): Dockerfile {
  return lean === undefined ? DockerfileParser.parse(text) : lean.parse(text)
}

/** True when the lean path is active (false: the library changed, the public parser is used). */
export const LEAN_PARSER = lean !== undefined
