/**
 * Errors are typed so that adapters can tell a user's mistake (bad config,
 * bad input file: exit 2 with a clear message) from a bug (exit 2 with a
 * stack trace in debug output).
 */
export class UserError extends Error {
  override name = 'UserError'
}

/** A configuration file or input value is invalid. */
export class ConfigError extends UserError {
  override name = 'ConfigError'
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message)
  }
}

/** An input file is missing, unreadable, truncated or of unknown shape. */
export class InputFileError extends UserError {
  override name = 'InputFileError'
  constructor(
    readonly path: string,
    readonly reason: string
  ) {
    super(`${path}: ${reason}`)
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

/** Normalises anything thrown into a message, never "[object Object]". */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
