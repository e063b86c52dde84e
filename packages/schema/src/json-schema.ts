/**
 * Signatures as JSON Schema (draft 2020-12), so that a registry, a gateway or a client in any language
 * can check requests against a model's signature without this package. The request body follows
 * MLflow's scoring-server formats: `{"dataframe_records": [...], "params": {...}}` for column schemas
 * and `{"inputs": ..., "params": {...}}` for tensor schemas. JSON cannot say "int32", so integer
 * widths become `minimum`/`maximum`, binary is base64 text and datetimes ISO 8601 text.
 *
 * {@link createRequestValidator} validates with Ajv (draft 2020-12); one Ajv instance is created on
 * first use and each signature's validator is compiled once and cached.
 */
import Ajv2020 from "ajv/dist/2020.js";
import { SchemaError } from "./errors.js";
import { DEFAULT_LOGGER, type Logger, logAndRethrow } from "./logger.js";
import type { ParamSchema, ParamSpec, Schema } from "./schema.js";
import { ModelSignature } from "./signature.js";
import type { ColType, TensorDType, TensorSpec } from "./types.js";
import { setOwn } from "./values.js";

/** A JSON Schema document (a plain JSON object). */
export type JSONSchema = { [key: string]: unknown };

/** The `$schema` dialect of every exported document. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * ISO 8601 date or date-time, as datetime columns accept. Day-of-month overflow (`2023-02-30`) passes
 * the pattern but not {@link enforce}.
 */
export const ISO_DATETIME_PATTERN =
  "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d([.,]\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$";
/** Base64 or base64url, padded or not (what binary columns decode). */
const BASE64_PATTERN = "^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$";

const NULL: JSONSchema = { type: "null" };

function nullable(s: JSONSchema, extra: JSONSchema[] = []): JSONSchema {
  return { anyOf: [s, NULL, ...extra] };
}

/** JSON Schema of one value of `type`, mirroring what enforcement accepts (`required` as in MLflow's `_enforce_type`). */
function typeSchema(t: ColType, required: boolean): JSONSchema {
  let s: JSONSchema;
  if (typeof t === "string") {
    switch (t) {
      case "boolean":
        s = { type: "boolean" };
        break;
      case "integer":
        s = { type: "integer", minimum: -2147483648, maximum: 2147483647 };
        break;
      case "long":
        s = { type: "integer", minimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 };
        break;
      case "float":
        s = { type: "number", minimum: -3.4028234663852886e38, maximum: 3.4028234663852886e38 };
        break;
      case "double":
        s = { type: "number" };
        break;
      case "string":
        s = { type: "string" };
        break;
      case "binary":
        s = { type: "string", contentEncoding: "base64", pattern: BASE64_PATTERN };
        break;
      case "datetime":
        s = { type: "string", pattern: ISO_DATETIME_PATTERN };
        break;
    }
    return required ? s : nullable(s);
  }
  switch (t.type) {
    case "any":
      return {};
    case "sparkml_vector":
      s = { type: "array", items: typeSchema("double", required) };
      return required ? s : nullable(s);
    case "array": {
      const anyItems = typeof t.items === "object" && t.items.type === "any";
      s = { type: "array", items: typeSchema(t.items, required) };
      return required && !anyItems ? s : nullable(s);
    }
    case "map": {
      const anyValues = typeof t.values === "object" && t.values.type === "any";
      s = { type: "object", additionalProperties: typeSchema(t.values, required) };
      return required && !anyValues ? s : nullable(s);
    }
    case "object": {
      const properties: JSONSchema = {};
      for (const p of t.properties) setOwn(properties, p.name, typeSchema(p.type, p.required));
      s = {
        type: "object",
        properties,
        required: t.properties.filter((p) => p.required).map((p) => p.name),
        additionalProperties: false,
      };
      return required ? s : nullable(s, [{ type: "object", maxProperties: 0 }]);
    }
  }
}

const INT_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

function dtypeSchema(dtype: TensorDType): JSONSchema {
  const bounds = INT_BOUNDS[dtype];
  if (bounds) return { type: "integer", minimum: bounds[0], maximum: bounds[1] };
  if (dtype === "int64") return { type: "integer", minimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 };
  if (dtype === "uint64") return { type: "integer", minimum: 0, exclusiveMaximum: 2 ** 64 };
  if (dtype === "bool") return { type: "boolean" };
  if (dtype.startsWith("float")) return { type: "number" };
  if (dtype === "str") return { type: "string" };
  if (dtype === "bytes") return { type: "string", contentEncoding: "base64", pattern: BASE64_PATTERN };
  if (dtype.startsWith("datetime64")) return { type: "string", pattern: ISO_DATETIME_PATTERN };
  if (dtype.startsWith("timedelta64")) return { type: "integer" };
  return {};
}

/** Nested arrays of a tensor's shape (`-1` axes unbounded); ragged object tensors accept any nesting. */
function tensorSchema(spec: TensorSpec): JSONSchema {
  if (spec.dtype === "object") return { type: "array" };
  let s = dtypeSchema(spec.dtype);
  for (let axis = spec.shape.length - 1; axis >= 0; axis--) {
    const d = spec.shape[axis] as number;
    s = d === -1 ? { type: "array", items: s } : { type: "array", items: s, minItems: d, maxItems: d };
  }
  return s;
}

/**
 * JSON Schema of data for `schema`: for named columns an array of records (`dataframe_records`), for
 * unnamed columns an array of rows (one column: an array of values), for tensors nested arrays (named
 * tensors: an object of them). Extra columns are allowed, as enforcement drops them.
 * @param schema - the input or output schema
 * @returns a draft 2020-12 JSON Schema
 */
export function schemaToJSONSchema(schema: Schema): JSONSchema {
  return { $schema: JSON_SCHEMA_DIALECT, ...dataSchema(schema) };
}

function dataSchema(schema: Schema): JSONSchema {
  if (schema.isTensorSpec()) {
    const specs = schema.inputs as readonly TensorSpec[];
    if (!schema.hasInputNames()) return tensorSchema(specs[0] as TensorSpec);
    const properties: JSONSchema = {};
    for (const s of specs) setOwn(properties, s.name as string, tensorSchema(s));
    return { type: "object", properties, required: specs.map((s) => s.name as string) };
  }
  const cols = schema.inputs.flatMap((s) => (s.kind === "column" ? [s] : []));
  if (schema.hasInputNames()) {
    const properties: JSONSchema = {};
    for (const c of cols) setOwn(properties, c.name as string, typeSchema(c.type, c.required));
    return {
      type: "array",
      items: { type: "object", properties, required: cols.filter((c) => c.required).map((c) => c.name as string) },
    };
  }
  if (cols.length === 1) return { type: "array", items: typeSchema((cols[0] as (typeof cols)[number]).type, true) };
  const types = cols.map((c) => typeSchema(c.type, true));
  const same = types.every((t) => JSON.stringify(t) === JSON.stringify(types[0]));
  // Rows: extra trailing values are allowed (enforcement drops them) when every column has the same
  // type; a tuple of different types is closed, because Ajv's strict mode rejects open tuples.
  const row = same
    ? { type: "array", items: types[0], minItems: cols.length }
    : { type: "array", prefixItems: types, minItems: cols.length, maxItems: cols.length };
  return { type: "array", items: row };
}

function paramSchema(p: ParamSpec): JSONSchema {
  const item = typeSchema(p.type, true);
  const s = p.shape === null ? item : { type: "array", items: item };
  return jsonSafe(p.default) ? { ...s, default: p.default } : s;
}

function jsonSafe(v: unknown): boolean {
  if (typeof v === "bigint") return false;
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (v !== null && typeof v === "object") return Object.values(v).every(jsonSafe);
  return true;
}

/**
 * JSON Schema of the `params` object: every declared parameter optional (defaults fill in), unknown
 * keys allowed (enforcement ignores them with a warning).
 * @param params - the params schema
 * @returns a draft 2020-12 JSON Schema
 */
export function paramsToJSONSchema(params: ParamSchema): JSONSchema {
  return { $schema: JSON_SCHEMA_DIALECT, ...paramsObject(params) };
}

function paramsObject(params: ParamSchema): JSONSchema {
  const properties: JSONSchema = {};
  for (const p of params.params) setOwn(properties, p.name, paramSchema(p));
  return { type: "object", properties };
}

/**
 * JSON Schema of a scoring request for `signature`, in MLflow's REST formats:
 * `{"dataframe_records": [...], "params": {...}}` for column inputs, `{"inputs": ..., "params": {...}}`
 * for tensor inputs.
 * @param signature - the model signature
 * @returns a draft 2020-12 JSON Schema
 * @example signatureToJSONSchema(signature).properties.dataframe_records
 */
export function signatureToJSONSchema(signature: ModelSignature): JSONSchema {
  if (!(signature instanceof ModelSignature)) {
    throw new SchemaError("INVALID_SIGNATURE", "Expected a ModelSignature");
  }
  const properties: JSONSchema = {};
  const required: string[] = [];
  if (signature.inputs !== undefined) {
    const key = signature.inputs.isTensorSpec() ? "inputs" : "dataframe_records";
    properties[key] = dataSchema(signature.inputs);
    required.push(key);
  }
  properties.params = signature.params === undefined ? { type: "object" } : paramsObject(signature.params);
  return { $schema: JSON_SCHEMA_DIALECT, type: "object", properties, required, additionalProperties: false };
}

/** One validation failure: a JSON pointer into the data and a message. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** The result of a compiled validator. */
export interface ValidationResult {
  readonly valid: boolean;
  /** Every failure (Ajv `allErrors`), empty when valid. */
  readonly issues: readonly ValidationIssue[];
}

/** A compiled, reusable validator. */
export type Validator = (data: unknown) => ValidationResult;

let ajv: Ajv2020 | undefined;
const byDocument = new WeakMap<JSONSchema, Validator>();
const bySignature = new WeakMap<ModelSignature, Validator>();

function sharedAjv(): Ajv2020 {
  // One instance for the process: compiling is the expensive part, and Ajv caches by schema.
  // ownProperties: `required` must not see Object.prototype (a column named "constructor" or "__proto__").
  ajv ??= new Ajv2020({ allErrors: true, strict: true, validateFormats: false, ownProperties: true });
  return ajv;
}

/**
 * Compiles a JSON Schema (draft 2020-12) with the shared Ajv instance; the result is cached per
 * schema object, so call it once and reuse the validator.
 * @param schema - e.g. from {@link schemaToJSONSchema}
 * @param options - `logger` for compile errors
 * @returns the validator
 * @throws SchemaError `INVALID_SCHEMA` when Ajv rejects the schema
 */
export function compileJSONSchema(schema: JSONSchema, options: { logger?: Logger } = {}): Validator {
  const cached = byDocument.get(schema);
  if (cached) return cached;
  let fn: ReturnType<Ajv2020["compile"]>;
  try {
    fn = sharedAjv().compile(schema);
  } catch (e) {
    return logAndRethrow(
      options.logger ?? DEFAULT_LOGGER,
      new SchemaError("INVALID_SCHEMA", `JSON Schema does not compile: ${(e as Error).message}`, { cause: e }),
      "INVALID_SCHEMA",
      "Failed to compile the JSON Schema",
    );
  }
  const validator: Validator = (data) => {
    const valid = fn(data) as boolean;
    const issues = valid
      ? []
      : (fn.errors ?? []).map((e) => ({ path: e.instancePath || "/", message: e.message ?? "is invalid" }));
    return { valid, issues };
  };
  byDocument.set(schema, validator);
  return validator;
}

/**
 * A validator of scoring requests for `signature` (see {@link signatureToJSONSchema}), compiled once
 * per signature and cached.
 * @param signature - the model signature
 * @param options - `logger`
 * @returns the validator
 * @example
 * const check = createRequestValidator(signature);
 * check({ dataframe_records: [{ prompt: "hi" }] }).valid // true
 */
export function createRequestValidator(signature: ModelSignature, options: { logger?: Logger } = {}): Validator {
  const cached = bySignature.get(signature);
  if (cached) return cached;
  const validator = compileJSONSchema(signatureToJSONSchema(signature), options);
  bySignature.set(signature, validator);
  return validator;
}
