/**
 * Enforcement of inference parameters (MLflow `_enforce_params_schema`).
 */
import { pyList } from "./coerce.js";
import { parseIsoDateTime } from "./datetime.js";
import type { EnforceOptions } from "./enforce-context.js";
import { SchemaError } from "./errors.js";
import { DEFAULT_LOGGER, logAndRethrow, warn } from "./logger.js";
import { coerceParamValue, ParamSchema, type ParamValue } from "./schema.js";
import { ModelSignature } from "./signature.js";
import { describe } from "./types.js";
import { isPlainObject, pyTypeName, setOwn } from "./values.js";

/**
 * Enforces a params schema (MLflow `_enforce_params_schema`): unknown keys are dropped with a warning,
 * omitted params get their defaults, values are converted as MLflow allows (`int -> long/float/double`,
 * `long -> float/double`, `float -> double`, ISO text -> datetime). Datetimes are returned as `Date`s.
 * Without a params schema, given params are ignored with a warning and `{}` is returned.
 * @param signature - a {@link ModelSignature}, a {@link ParamSchema} or `undefined`
 * @param params - `{name: value}`, or `null`/`undefined` for none
 * @param options - `logger`
 * @returns the params to pass to the model, every declared param present
 * @throws SchemaError `INVALID_PARAM` naming every param that does not fit
 * @example enforceParams(signature, { temperature: 1 }) // { temperature: 1, max_tokens: 256 }
 */
export function enforceParams(
  signature: ModelSignature | ParamSchema | undefined,
  params: unknown,
  options: EnforceOptions = {},
): Record<string, unknown> {
  const logger = options.logger ?? DEFAULT_LOGGER;
  try {
    const schema = signature instanceof ModelSignature ? signature.params : signature;
    if (schema === undefined) {
      if (params === null || params === undefined || (isPlainObject(params) && Object.keys(params).length === 0))
        return {};
      const info = isPlainObject(params)
        ? `Ignoring provided params: ${pyList(Object.keys(params))}`
        : "Ignoring invalid params (not a dictionary).";
      warn(
        logger,
        `\`params\` can only be specified at inference time if the model signature defines a params schema. This model does not define a params schema. ${info}`,
      );
      return {};
    }
    if (!(schema instanceof ParamSchema)) {
      throw new SchemaError(
        "INVALID_SIGNATURE",
        `Expected a ModelSignature or a ParamSchema, got ${describe(signature)}`,
      );
    }
    const given = params === null || params === undefined ? {} : params;
    if (!isPlainObject(given)) {
      throw new SchemaError("INVALID_PARAM", `Parameters must be a dictionary. Got type '${pyTypeName(given)}'.`);
    }
    const declared = new Set(schema.params.map((p) => p.name));
    const ignored = Object.keys(given).filter((k) => !declared.has(k));
    if (ignored.length > 0) {
      warn(
        logger,
        `Unrecognized params ${pyList(ignored)} are ignored for inference. Supported params are: ${pyList([...declared])}. To enable them, please add corresponding schema in ModelSignature.`,
      );
    }
    const out: Record<string, unknown> = {};
    const invalid: string[] = [];
    for (const spec of schema.params) {
      let value: ParamValue;
      if (Object.hasOwn(given, spec.name)) {
        try {
          value = coerceParamValue(given[spec.name], spec.type, spec.shape, spec.name);
        } catch (e) {
          if (!(e instanceof SchemaError)) throw e;
          invalid.push(e.message);
          continue;
        }
      } else {
        value = spec.default;
      }
      setOwn(out, spec.name, spec.type === "datetime" ? toDates(value) : value);
    }
    if (invalid.length > 0) throw new SchemaError("INVALID_PARAM", `Invalid parameters found: ${invalid.join("; ")}`);
    return out;
  } catch (e) {
    return logAndRethrow(logger, e, "INVALID_PARAM", "Failed to enforce the params schema");
  }
}

function toDates(v: ParamValue): unknown {
  if (typeof v === "string") {
    const p = parseIsoDateTime(v);
    return p === undefined ? v : new Date(p.epochMs);
  }
  if (Array.isArray(v)) return v.map(toDates);
  return v;
}
