/** What the enforcement modules share: the per-call context, the extra-column warning, scalars. */
import { pyList } from "./coerce.js";
import { type Logger, warn } from "./logger.js";
import { isBytes } from "./values.js";

/** Options of {@link enforce} and {@link enforceParams}. */
export interface EnforceOptions {
  /** Where warnings (dropped columns, ignored params) and errors go (default {@link DEFAULT_LOGGER}). */
  logger?: Logger;
  /** Bound on nesting depth of values (default {@link DEFAULT_MAX_DEPTH}). */
  maxDepth?: number;
}

/** One enforcement call's logger and depth bound. */
export interface EnforceContext {
  readonly logger: Logger;
  readonly maxDepth: number;
}

/** Warns that undeclared inputs were dropped (names listed, at most 20). */
export function warnExtra(ctx: EnforceContext, extra: readonly (string | number)[]): void {
  const shown = extra.length > 20 ? [...extra.slice(0, 20), `... ${extra.length - 20} more`] : extra;
  warn(ctx.logger, `Found extra inputs ${pyList(shown)} not declared in the model signature; they are dropped.`);
}

/** A scalar input (Python `np.isscalar` or None, plus JS `Date` and `Uint8Array`). */
export function isScalar(v: unknown): boolean {
  const t = typeof v;
  return (
    t === "string" ||
    t === "number" ||
    t === "boolean" ||
    t === "bigint" ||
    v === null ||
    isBytes(v) ||
    v instanceof Date
  );
}
