/** Keeps library code free of @actions/core: adapters pass an implementation. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} }

export const stderrLogger: Logger = {
  info: message => process.stderr.write(`${message}\n`),
  warning: message => process.stderr.write(`warning: ${message}\n`),
  debug: message => {
    if (process.env.DEPLOY_GATES_DEBUG) process.stderr.write(`debug: ${message}\n`)
  }
}
