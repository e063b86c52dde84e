/**
 * `Schema` (a list of column or tensor specs) and `ParamSchema` (inference parameters with defaults),
 * with MLflow's construction rules and its serialised form: `toDict()` is `Schema.to_dict()` (keys in
 * MLflow's emission order) and `toJsonString()` is `Schema.to_json()`, byte for byte. Follows
 * `mlflow/types/schema.py` (MLflow 2.x-3.x). Reading tolerates older files: a missing `required` means
 * required (MLflow <= 2.4), key order is ignored, params accept `dtype` for `type`.
 */
import { enforceValue } from "./coerce.js";
import { dateToIso, formatIsoDateTime, isDate, parseIsoDateTime } from "./datetime.js";
import { SchemaError } from "./errors.js";
import { PyFloat, type PyJsonValue, pyJsonDumps } from "./pyjson.js";
import { DEFAULT_MAX_DEPTH, NDArray } from "./tensor.js";
import {
  ANY,
  arrayOf,
  type ColType,
  colSpec,
  type DataType,
  dataTypeOfDType,
  describe,
  type InputSpec,
  isBuiltSpec,
  isDataType,
  mapOf,
  normalizeColType,
  type ObjectType,
  objectOf,
  type Property,
  property,
  SPARKML_VECTOR,
  specsEqual,
  tensorSpec,
} from "./types.js";
import { isPlainObject, isTypedArray, setOwn, typedArrayDType } from "./values.js";

/** One entry of {@link Schema.toDict}: MLflow's JSON form of a column or tensor spec. */
export type SpecDict = { readonly [key: string]: PyJsonValue };

/** A model's inputs or outputs: column specs or tensor specs (MLflow `Schema`). */
export class Schema {
  /** The specs, in order. */
  readonly inputs: readonly InputSpec[];

  /**
   * @param inputs - column specs or tensor specs (not mixed)
   * @throws SchemaError `INVALID_SCHEMA` when empty, when named and unnamed specs or column and tensor
   *   specs are mixed, when several tensors are unnamed, when an unnamed column is optional, or on
   *   duplicate names
   */
  constructor(inputs: readonly InputSpec[]) {
    if (!Array.isArray(inputs)) {
      throw new SchemaError("INVALID_SCHEMA", `Inputs of Schema must be a list, got ${describe(inputs)}`);
    }
    if (inputs.length === 0)
      throw new SchemaError("INVALID_SCHEMA", "Creating Schema with empty inputs is not allowed.");
    const specs = Array.from(inputs, normalizeSpec);
    const named = specs.filter((s) => s.name !== undefined).length;
    if (named !== 0 && named !== specs.length) {
      throw new SchemaError(
        "INVALID_SCHEMA",
        `Creating Schema with a combination of named and unnamed inputs is not allowed. Got input names ${JSON.stringify(specs.map((s) => s.name ?? null))}`,
      );
    }
    const tensors = specs.filter((s) => s.kind === "tensor").length;
    if (tensors !== 0 && tensors !== specs.length) {
      throw new SchemaError(
        "INVALID_SCHEMA",
        "Creating Schema with a combination of ColSpec and TensorSpec is not supported. Please choose one of ColSpec or TensorSpec",
      );
    }
    if (tensors > 1 && named === 0) {
      throw new SchemaError(
        "INVALID_SCHEMA",
        "Creating Schema with multiple unnamed TensorSpecs is not supported. Please provide names for each TensorSpec.",
      );
    }
    if (named === 0 && specs.some((s) => s.kind === "column" && !s.required)) {
      throw new SchemaError(
        "INVALID_SCHEMA",
        "Creating Schema with unnamed optional inputs is not supported. Please name all inputs or make all inputs required.",
      );
    }
    const seen = new Set<string>();
    for (const s of specs) {
      if (s.name === undefined) continue;
      if (seen.has(s.name))
        throw new SchemaError("INVALID_SCHEMA", `Duplicate input name ${describe(s.name)} in Schema`);
      seen.add(s.name);
    }
    this.inputs = Object.freeze(specs);
  }

  /** `true` when the schema is made of tensor specs. */
  isTensorSpec(): boolean {
    return this.inputs[0]?.kind === "tensor";
  }

  /** `true` when the specs are named. */
  hasInputNames(): boolean {
    return this.inputs[0]?.name !== undefined;
  }

  /** Names of the inputs, or their indices when unnamed. */
  inputNames(): (string | number)[] {
    return this.inputs.map((s, i) => s.name ?? i);
  }

  /** Names (or indices) of the required inputs; tensors are always required. */
  requiredInputNames(): (string | number)[] {
    return this.inputs.flatMap((s, i) => (s.kind === "tensor" || s.required ? [s.name ?? i] : []));
  }

  /** Names (or indices) of the optional inputs. */
  optionalInputNames(): (string | number)[] {
    return this.inputs.flatMap((s, i) => (s.kind === "column" && !s.required ? [s.name ?? i] : []));
  }

  /** MLflow's `Schema.to_dict()`: one plain object per spec, keys in MLflow's order. */
  toDict(): SpecDict[] {
    return this.inputs.map(specToDict);
  }

  /** MLflow's `Schema.to_json()`: the exact string MLflow writes into `MLmodel`. */
  toJsonString(): string {
    return pyJsonDumps(this.toDict());
  }

  /** `true` when both schemas have equal specs in the same order. */
  equals(other: Schema): boolean {
    return (
      other instanceof Schema &&
      other.inputs.length === this.inputs.length &&
      this.inputs.every((s, i) => specsEqual(s, other.inputs[i] as InputSpec))
    );
  }

  /**
   * Reads MLflow's dict form (`Schema.from_json` after `json.loads`).
   * @param dict - the list of spec objects
   * @param options - `maxDepth` for nested types (default {@link DEFAULT_MAX_DEPTH})
   * @throws SchemaError `INVALID_SCHEMA` (with `path`) on anything MLflow would not read
   */
  static fromDict(dict: unknown, options: { maxDepth?: number } = {}): Schema {
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Array.isArray(dict))
      throw new SchemaError("INVALID_SCHEMA", `Expected a list of specs, got ${describe(dict)}`);
    return new Schema(Array.from(dict, (d, i) => specFromDict(d, `[${i}]`, maxDepth)));
  }

  /**
   * Reads the JSON string MLflow writes (`Schema.from_json`).
   * @throws SchemaError `INVALID_JSON` when not JSON, `INVALID_SCHEMA` when not a schema
   */
  static fromJsonString(json: string, options: { maxDepth?: number } = {}): Schema {
    return Schema.fromDict(parseJson(json), options);
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters

/** The types a parameter can have: any {@link DataType} except `binary`, or an object type. */
export type ParamType = Exclude<DataType, "binary"> | ObjectType;

/** A JSON-like parameter value. `datetime` values are ISO 8601 strings (Python `isoformat()`). */
export type ParamValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | readonly ParamValue[]
  | { readonly [key: string]: ParamValue };

/** An inference parameter with its default (MLflow `ParamSpec`). */
export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** The default, already checked against type and shape (datetimes normalised to ISO text). */
  readonly default: ParamValue;
  /** `null` for a scalar (or object), `[-1]` for a 1-D list. */
  readonly shape: readonly [-1] | null;
}

/**
 * A validated parameter spec.
 * @param name - the parameter name
 * @param type - its type (not `binary`)
 * @param defaultValue - the default; checked against type and shape as MLflow does
 * @param shape - `null` (scalar, the default) or `[-1]` (1-D list)
 * @returns a frozen {@link ParamSpec}
 * @throws SchemaError `INVALID_PARAM` when the default does not fit, or on `binary` / an unsupported shape
 * @example paramSpec("temperature", "double", 0.7)
 */
export function paramSpec(
  name: string,
  type: ParamType,
  defaultValue: unknown,
  shape: readonly number[] | null = null,
): ParamSpec {
  if (typeof name !== "string") throw new SchemaError("INVALID_PARAM", "Expected parameter name to be a string");
  if ((type as string) === "binary") {
    throw new SchemaError(
      "INVALID_PARAM",
      `Binary type is not supported for parameters, ParamSpec '${name}' has dtype 'binary'`,
      {
        name,
      },
    );
  }
  if (
    !isDataType(type) &&
    !(isPlainObject(type) || (typeof type === "object" && type !== null && type.type === "object"))
  ) {
    throw new SchemaError("INVALID_PARAM", `Unsupported type ${describe(type)} for parameter '${name}'`, { name });
  }
  const paramType: ParamType = isDataType(type) ? type : (normalizeColType(type) as ObjectType);
  let normShape: readonly [-1] | null;
  if (shape === null || shape === undefined) normShape = null;
  else if (Array.isArray(shape) && shape.length === 1 && shape[0] === -1) normShape = Object.freeze([-1] as const);
  else {
    throw new SchemaError(
      "INVALID_PARAM",
      `Shape must be None for scalar or dictionary value, or (-1,) for 1D array value for ParamSpec '${name}', received ${JSON.stringify(shape)}`,
      { name },
    );
  }
  if (normShape !== null && typeof paramType === "object") {
    throw new SchemaError("INVALID_PARAM", `Object parameter '${name}' cannot have a shape`, { name });
  }
  const value = coerceParamValue(defaultValue, paramType, normShape, name);
  return Object.freeze({ name, type: paramType, default: value, shape: normShape });
}

/**
 * Checks and converts a parameter value (MLflow `ParamSpec.validate_type_and_shape`): `int -> long,
 * float, double`, `long -> float, double`, `float -> double`, datetimes from `Date` or ISO text.
 * @throws SchemaError `INVALID_PARAM`
 */
export function coerceParamValue(
  value: unknown,
  type: ParamType,
  shape: readonly [-1] | null,
  name: string,
): ParamValue {
  const fail = (why: string): never => {
    throw new SchemaError("INVALID_PARAM", `Incompatible types for param '${name}': ${why}`, { name });
  };
  if (shape !== null) {
    const dtype = typedArrayDType(value);
    const isList = Array.isArray(value) || (dtype !== undefined && dtype !== "uint8") || isNDArray1D(value);
    if (!isList) fail(`value must be a 1D array with shape (-1,), received ${describe(value)}`);
    // Elements of a typed array or NDArray carry a numpy dtype, and follow numpy's conversion rules.
    const nd = isNDArray1D(value) ? (value as NDArray) : undefined;
    const source = nd !== undefined ? sourceType(nd.dtype) : dtype !== undefined ? sourceType(dtype) : undefined;
    const list = Array.from((nd !== undefined ? nd.data : value) as ArrayLike<unknown>);
    if (list.some((v) => Array.isArray(v) || isTypedArray(v)))
      fail("value must be a 1D array with shape (-1,), received a nested array");
    return Object.freeze(list.map((v) => coerceParamScalar(v, type as DataType, fail, source)));
  }
  if (typeof type === "object") {
    if (!isPlainObject(value)) fail(`expected an object, got ${describe(value)}`);
    try {
      enforceValue(value, type, true, "", { maxDepth: DEFAULT_MAX_DEPTH });
    } catch (e) {
      if (e instanceof SchemaError) fail(e.message);
      throw e;
    }
    return deepFreezeJson(value, 0) as ParamValue;
  }
  return coerceParamScalar(value, type, fail, typeof value === "bigint" ? "long" : undefined);
}

function isNDArray1D(v: unknown): boolean {
  return v instanceof NDArray && v.ndim === 1;
}

function sourceType(dtype: string): DataType | undefined {
  try {
    return dataTypeOfDType(dtype);
  } catch {
    return undefined;
  }
}

/** Conversions MLflow allows for parameters (`_ALLOWED_CONVERSIONS_FOR_PARAMS`), beyond identity. */
const PARAM_WIDENING: Readonly<Partial<Record<DataType, readonly DataType[]>>> = {
  long: ["integer"],
  float: ["integer", "long"],
  double: ["integer", "long", "float"],
};

function coerceParamScalar(v: unknown, type: DataType, fail: (why: string) => never, source?: DataType): ParamValue {
  if (v === null || v === undefined) return null;
  const bad = (): never => fail(`Can not safely convert ${describe(v)}${source ? ` (${source})` : ""} to ${type}`);
  // A value with a numpy type (typed-array element, bigint) converts only along MLflow's widening list.
  if (source !== undefined && source !== type && !(PARAM_WIDENING[type] ?? []).includes(source) && type !== "datetime")
    bad();
  switch (type) {
    case "boolean":
      return typeof v === "boolean" ? v : bad();
    case "string":
      return typeof v === "string" ? v : bad();
    case "integer":
      return typeof v === "number" && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 ? v : bad();
    case "long":
      if (typeof v === "bigint") {
        if (v < -(2n ** 63n) || v >= 2n ** 63n) bad();
        return Number.isSafeInteger(Number(v)) ? Number(v) : v;
      }
      return typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= 2 ** 63 && v < 2 ** 63 ? v : bad();
    case "float":
    case "double": {
      const n = typeof v === "bigint" ? Number(v) : v;
      if (typeof n !== "number") bad();
      if (!Number.isFinite(n as number)) fail(`${describe(v)} cannot be written to JSON`);
      return n as number;
    }
    case "datetime": {
      let iso: string | undefined;
      if (isDate(v)) iso = dateToIso(v);
      else if (typeof v === "string") {
        const p = parseIsoDateTime(v);
        iso = p === undefined ? undefined : formatIsoDateTime(p);
      }
      if (iso === undefined) fail(`Failed to convert value ${describe(v)} from type ${typeof v} to DataType.datetime`);
      return iso as string;
    }
    case "binary":
      return fail("Binary type is not supported for parameters");
  }
}

function deepFreezeJson(v: unknown, depth: number): unknown {
  if (depth > DEFAULT_MAX_DEPTH) throw new SchemaError("MAX_DEPTH_EXCEEDED", "Parameter value nested too deeply");
  if (Array.isArray(v)) return Object.freeze(Array.from(v, (x) => deepFreezeJson(x, depth + 1)));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setOwn(out, k, deepFreezeJson(v[k], depth + 1));
    return Object.freeze(out);
  }
  if (typeof v === "number" && !Number.isFinite(v)) {
    throw new SchemaError("INVALID_PARAM", `${v} cannot be written to JSON`);
  }
  if (isDate(v)) return dateToIso(v) ?? null;
  if (v === undefined) return null;
  return v;
}

/** Inference parameters with defaults (MLflow `ParamSchema`). */
export class ParamSchema {
  /** The parameter specs, in order. */
  readonly params: readonly ParamSpec[];

  /**
   * @param params - specs made with {@link paramSpec} (or plain objects of the same shape, re-validated)
   * @throws SchemaError `INVALID_PARAM` on duplicates or invalid specs
   */
  constructor(params: readonly ParamSpec[]) {
    if (!Array.isArray(params))
      throw new SchemaError("INVALID_PARAM", `ParamSchema expects a list, got ${describe(params)}`);
    const specs = Array.from(params, (p: ParamSpec) => paramSpec(p?.name, p?.type, p?.default, p?.shape));
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const p of specs) {
      if (seen.has(p.name)) dup.push(p.name);
      seen.add(p.name);
    }
    if (dup.length > 0)
      throw new SchemaError("INVALID_PARAM", `Duplicated parameters found in schema: ${JSON.stringify(dup)}`);
    this.params = Object.freeze(specs);
  }

  /** MLflow's `ParamSchema.to_dict()`. */
  toDict(): SpecDict[] {
    return this.params.map(paramToDict);
  }

  /** MLflow's `ParamSchema.to_json()`: the exact string MLflow writes into `MLmodel`. */
  toJsonString(): string {
    return pyJsonDumps(this.toDict());
  }

  /** `true` when both have the same specs (names, types, shapes, defaults) in order. */
  equals(other: ParamSchema): boolean {
    return other instanceof ParamSchema && other.toJsonString() === this.toJsonString();
  }

  /**
   * Reads MLflow's dict form (`ParamSchema.from_json` after `json.loads`); accepts `dtype` for `type`.
   * @throws SchemaError `INVALID_PARAM` / `INVALID_SCHEMA`
   */
  static fromDict(dict: unknown, options: { maxDepth?: number } = {}): ParamSchema {
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Array.isArray(dict))
      throw new SchemaError("INVALID_PARAM", `Expected a list of param specs, got ${describe(dict)}`);
    return new ParamSchema(
      Array.from(dict, (d, i) => {
        const path = `[${i}]`;
        if (!isPlainObject(d))
          throw new SchemaError("INVALID_PARAM", `Expected a param spec object, got ${describe(d)}`, { path });
        const typeName = d.type ?? d.dtype;
        if (typeof d.name !== "string" && typeof d.name !== "number") {
          throw new SchemaError(
            "INVALID_PARAM",
            "Missing keys in ParamSpec JSON. Expected to find keys `name`, `type`(or `dtype`) and `default`.",
            { path },
          );
        }
        if (!Object.hasOwn(d, "default") || typeName === undefined) {
          throw new SchemaError(
            "INVALID_PARAM",
            "Missing keys in ParamSpec JSON. Expected to find keys `name`, `type`(or `dtype`) and `default`.",
            { path },
          );
        }
        const type: ParamType =
          typeName === "object" ? (colTypeFromDict(d, path, 0, maxDepth) as ObjectType) : (typeName as ParamType);
        if (typeof type === "string" && !isDataType(type)) {
          throw new SchemaError("INVALID_PARAM", `Unsupported type '${describe(typeName)}' for parameter '${d.name}'`, {
            path,
          });
        }
        return paramSpec(String(d.name), type, d.default, (d.shape as number[] | null | undefined) ?? null);
      }),
    );
  }

  /** Reads the JSON string MLflow writes. @throws SchemaError `INVALID_JSON` / `INVALID_PARAM` */
  static fromJsonString(json: string, options: { maxDepth?: number } = {}): ParamSchema {
    return ParamSchema.fromDict(parseJson(json), options);
  }
}

// ---------------------------------------------------------------------------------------------
// Serialisation (MLflow's key order)

function typeToDict(t: ColType): Record<string, PyJsonValue> {
  if (typeof t === "string") return { type: t };
  switch (t.type) {
    case "any":
    case "sparkml_vector":
      return { type: t.type };
    case "array":
      return { type: "array", items: typeToDict(t.items) };
    case "map":
      return { type: "map", values: typeToDict(t.values) };
    case "object": {
      const props: Record<string, PyJsonValue> = {};
      for (const p of t.properties) setOwn(props, p.name, { ...typeToDict(p.type), required: p.required });
      return { type: "object", properties: props };
    }
  }
}

function specToDict(s: InputSpec): SpecDict {
  if (s.kind === "tensor") {
    const body = { type: "tensor", "tensor-spec": { dtype: s.dtype, shape: [...s.shape] } };
    return s.name === undefined ? body : { name: s.name, ...body };
  }
  const d: Record<string, PyJsonValue> = typeToDict(s.type);
  if (s.name !== undefined) d.name = s.name;
  d.required = s.required;
  return d;
}

function paramToDict(p: ParamSpec): SpecDict {
  const d: Record<string, PyJsonValue> = {
    name: p.name,
    default: defaultToJson(p.default, p.type),
    shape: p.shape === null ? null : [-1],
  };
  return { ...d, ...typeToDict(p.type) };
}

/** A default as Python holds it: floats print as floats, guided by the declared type. */
function defaultToJson(v: ParamValue, type: ColType): PyJsonValue {
  if (v === null) return null;
  if (Array.isArray(v)) {
    const items = typeof type === "object" && type.type === "array" ? type.items : type;
    return v.map((x) => defaultToJson(x, items));
  }
  if (typeof v === "number") return (type === "float" || type === "double") && Number.isFinite(v) ? new PyFloat(v) : v;
  if (isPlainObject(v)) {
    const props = typeof type === "object" && type.type === "object" ? type.properties : [];
    const out: Record<string, PyJsonValue> = {};
    for (const k of Object.keys(v)) {
      const p = props.find((q) => q.name === k);
      setOwn(out, k, defaultToJson(v[k] as ParamValue, p?.type ?? ANY));
    }
    return out;
  }
  return v as PyJsonValue;
}

// ---------------------------------------------------------------------------------------------
// Deserialisation

function parseJson(json: string): unknown {
  if (typeof json !== "string") throw new SchemaError("INVALID_JSON", `Expected a JSON string, got ${describe(json)}`);
  try {
    return JSON.parse(json);
  } catch (e) {
    throw new SchemaError("INVALID_JSON", `Signature text is not JSON: ${(e as Error).message}`, { cause: e });
  }
}

function specFromDict(d: unknown, path: string, maxDepth: number): InputSpec {
  if (!isPlainObject(d))
    throw new SchemaError("INVALID_SCHEMA", `Expected a spec object, got ${describe(d)}`, { path });
  const name =
    d.name === undefined || d.name === null ? undefined : typeof d.name === "number" ? String(d.name) : d.name;
  if (name !== undefined && typeof name !== "string") {
    throw new SchemaError("INVALID_SCHEMA", `Expected name to be a string, got ${describe(d.name)}`, { path });
  }
  if (d.type === "tensor") {
    const ts = d["tensor-spec"];
    if (!isPlainObject(ts) || !Object.hasOwn(ts, "dtype") || !Object.hasOwn(ts, "shape")) {
      throw new SchemaError(
        "INVALID_SCHEMA",
        "Missing keys in TensorSpec JSON. Expected to find keys `dtype` and `shape`",
        { path },
      );
    }
    return withPath(path, () => tensorSpec(ts.dtype as string, ts.shape as number[], name));
  }
  const type = colTypeFromDict(d, path, 0, maxDepth);
  return withPath(path, () =>
    colSpec(type, { ...(name === undefined ? {} : { name }), required: requiredFlag(d, path) }),
  );
}

function requiredFlag(d: Record<string, unknown>, path: string): boolean {
  const r = d.required;
  if (r === undefined || r === null) return true; // MLflow <= 2.4 wrote no `required`
  if (typeof r !== "boolean")
    throw new SchemaError("INVALID_SCHEMA", `Expected required to be a boolean, got ${describe(r)}`, { path });
  return r;
}

function colTypeFromDict(d: unknown, path: string, depth: number, maxDepth: number): ColType {
  if (depth > maxDepth)
    throw new SchemaError("MAX_DEPTH_EXCEEDED", `Type nested deeper than maxDepth=${maxDepth}`, { path });
  if (!isPlainObject(d) || !Object.hasOwn(d, "type")) {
    throw new SchemaError("INVALID_SCHEMA", "Missing keys in type JSON. Expected to find key `type`", { path });
  }
  const t = d.type;
  if (isDataType(t)) return t;
  switch (t) {
    case "any":
      return ANY;
    case "sparkml_vector":
      return SPARKML_VECTOR;
    case "array":
      if (!isPlainObject(d.items)) {
        throw new SchemaError(
          "INVALID_SCHEMA",
          "Missing keys in Array JSON. Expected to find keys `items` and `type`",
          { path },
        );
      }
      return arrayOf(colTypeFromDict(d.items, `${path}.items`, depth + 1, maxDepth));
    case "map":
      if (!isPlainObject(d.values)) {
        throw new SchemaError("INVALID_SCHEMA", "Missing keys in Map JSON. Expected to find keys `values` and `type`", {
          path,
        });
      }
      return mapOf(colTypeFromDict(d.values, `${path}.values`, depth + 1, maxDepth));
    case "object": {
      const props = d.properties;
      if (!isPlainObject(props)) {
        throw new SchemaError("INVALID_SCHEMA", "Expected properties to be a dictionary of Property JSON", { path });
      }
      const list: Property[] = Object.keys(props).map((k) => {
        const p = props[k];
        const ppath = `${path}.properties.${k}`;
        if (!isPlainObject(p))
          throw new SchemaError("INVALID_SCHEMA", "Expected properties to be a dictionary of Property JSON", {
            path: ppath,
          });
        return property(k, colTypeFromDict(p, ppath, depth + 1, maxDepth), requiredFlag(p, ppath));
      });
      return withPath(path, () => objectOf(list));
    }
    default:
      throw new SchemaError(
        "INVALID_SCHEMA",
        `Unsupported type ${describe(t)}, expected one of boolean, integer, long, float, double, string, binary, datetime, array, object, map, any, sparkml_vector or tensor`,
        { path },
      );
  }
}

function withPath<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SchemaError && e.path === undefined)
      throw new SchemaError(e.code, e.message, { path, cause: e.cause });
    throw e;
  }
}

function normalizeSpec(s: unknown): InputSpec {
  if (isBuiltSpec(s)) return s;
  if (s === null || typeof s !== "object")
    throw new SchemaError("INVALID_SCHEMA", `Expected a column or tensor spec, got ${describe(s)}`);
  const spec = s as {
    kind?: unknown;
    dtype?: unknown;
    shape?: unknown;
    name?: unknown;
    type?: unknown;
    required?: unknown;
  };
  if (spec.kind === "tensor")
    return tensorSpec(spec.dtype as string, spec.shape as number[], spec.name as string | undefined);
  if (spec.kind === "column") {
    return colSpec(normalizeColType(spec.type), {
      ...(spec.name === undefined ? {} : { name: spec.name as string }),
      required: spec.required !== false,
    });
  }
  throw new SchemaError(
    "INVALID_SCHEMA",
    `Expected a column or tensor spec (kind "column" or "tensor"), got ${describe(s)}`,
  );
}
