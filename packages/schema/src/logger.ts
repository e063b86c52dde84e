/**
 * Logging for @modelproof/schema. Every error is logged (with its code and an informative message)
 * before it is thrown as a {@link SchemaError}; warnings report what enforcement silently fixes
 * (extra columns dropped, unknown params ignored). The logger is injectable everywhere through
 * `options.logger`; {@link SILENT_LOGGER} turns it off.
 */
import { SchemaError, type SchemaErrorCode } from "./errors.js";

/** What the package logs to: a console-like object. `console` itself fits. */
export interface Logger {
  /** Something was fixed or ignored, e.g. an extra column dropped. */
  warn(message: string): void;
  /** An operation failed; the same error is thrown right after. */
  error(message: string): void;
}

const PREFIX = "[@modelproof/schema]";

/** Logs to `globalThis.console` when there is one (Node, browsers, workers), else nowhere. */
export const DEFAULT_LOGGER: Logger = {
  warn(message) {
    globalThis.console?.warn(`${PREFIX} ${message}`);
  },
  error(message) {
    globalThis.console?.error(`${PREFIX} ${message}`);
  },
};

/** Logs nothing. Pass it as `options.logger` to silence the package. */
export const SILENT_LOGGER: Logger = {
  warn() {},
  error() {},
};

/** Logs an error that is already a {@link SchemaError} (thrown deeper, without a logger) and rethrows it. */
export function logAndRethrow(logger: Logger, error: unknown, fallbackCode: SchemaErrorCode, context: string): never {
  if (error instanceof SchemaError) {
    const where = error.path ? ` (at ${error.path})` : "";
    safeLog(logger, "error", `${error.code}: ${context}: ${error.message}${where}`);
    throw error;
  }
  // A getter, proxy or toString of the caller's data threw: wrap it so callers see one error type.
  const reason = error instanceof Error ? error.message : String(error);
  safeLog(logger, "error", `${fallbackCode}: ${context}: ${reason}`);
  throw new SchemaError(fallbackCode, `${context}: ${reason}`, { cause: error });
}

/** Logs a warning; a logger that throws never breaks the operation being logged. */
export function warn(logger: Logger, message: string): void {
  safeLog(logger, "warn", message);
}

function safeLog(logger: Logger, level: "warn" | "error", message: string): void {
  try {
    logger[level](message);
  } catch {
    // A broken logger must not turn a coded error into a different one.
  }
}
